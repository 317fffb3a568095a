#!/usr/bin/env node
// The `fanshop` command (npx fanshop validate catalog.json). The TypeScript source is
// src/cli/; `npm install` builds it into dist/ (the package's prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/server/fanshop-cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('[fanshop] the command is not built yet: run `npm run build` in the fanshop folder first.');
  process.exit(2);
}
await import(cli.href);
