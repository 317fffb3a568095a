// The `fanshop` command's entry, bundled to dist/server/fanshop-cli.mjs. Logic lives in commands.ts.
import { main, nodeIo } from './commands';

void main(process.argv.slice(2), nodeIo).then((code) => {
  process.exitCode = code;
});
