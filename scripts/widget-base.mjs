// @ts-check
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Settings every widget build shares (scripts/build.mjs) and the `npm run dev` server uses.
 * @type {import('vite').UserConfig}
 */
export const widgetBase = {
  define: { __FANSHOP_VERSION__: JSON.stringify(pkg.version) },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2020', minify: process.env.FANSHOP_NOMINIFY ? false : true, sourcemap: false },
};
