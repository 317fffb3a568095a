import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { catalogJsonSchema } from '../core/catalog/json-schema';
import { checkCatalog } from './check-catalog';
import { readJson, type ReadIo } from './read-json';
import { pagesCommand } from './pages';
import { feedCommand } from './feed';
import { ordersCommand } from './orders';
import { reviewsCommand } from './reviews';
import { wishesCommand } from './wishes';
import { buildCommand } from './build';
import { importCommand } from './import';
import { hashPasswordCommand } from './hash-password';
import { readSecret } from './read-secret';

/**
 * The `fanshop` command line: a table of commands and `main`, which takes its arguments and
 * all input/output as parameters so tests run it without a process, a disk or a network.
 */

export interface CliIo extends ReadIo {
  /** Writes text as is; callers end lines with "\n". */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a UTF-8 file, making its folders; for commands that write files (`pages`, `feed --out`). */
  writeFile?(path: string, text: string): Promise<void>;
  /** The environment (`orders`, `reviews`, `wishes` and `feed reviews` read DATABASE_URL and FANSHOP_DATA_DIR as the server does). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A password typed without echo, or standard input when it is not a terminal (`hash-password`). */
  readSecret?(prompt: string): Promise<string>;
}

/** The real process's input and output, for `fanshop.ts`. */
export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  fetch: (url, init) => fetch(url, init),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  env: process.env,
  readSecret,
};

interface Command {
  /** Arguments as shown in the usage, e.g. `<file-or-url>`. */
  readonly args: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes: 0 done, 1 the input has problems, 2 the command line itself is wrong. */
const USAGE_ERROR = 2;

const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count} ${count === 1 ? noun : nouns}`;

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const [source] = args;
  if (source === undefined || args.length > 1) {
    io.stderr(`Usage: fanshop validate <file-or-url>\n`);
    return USAGE_ERROR;
  }
  const read = await readJson(source, io);
  if (!read.ok) {
    io.stderr(`✖ ${read.message}\n`);
    return 1;
  }
  const { result, lines } = checkCatalog(read.value, source);
  const errors = result.ok ? [] : result.errors;
  io.stdout(lines);
  const warnings = result.warnings.length ? plural(result.warnings.length, 'warning') : '';
  if (!result.ok) {
    io.stdout(`${source}: ${[plural(errors.length, 'problem'), warnings].filter(Boolean).join(', ')}\n`);
    return 1;
  }
  const { products, categories } = result.catalog;
  const contents = `${plural(products.length, 'product')} in ${plural(categories.length, 'category', 'categories')}`;
  io.stdout(`${source} is valid: ${contents}${warnings ? `, ${warnings}` : ''}\n`);
  return 0;
}

async function schema(_args: readonly string[], io: CliIo): Promise<number> {
  io.stdout(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
  return 0;
}

/** Later commands (`pages`, `feed`) are one entry each. */
const commands = new Map<string, Command>([
  ['validate', { args: '<file-or-url>', summary: 'check a catalog file and list every problem with its JSON path', run: validate }],
  ['schema', { args: '', summary: 'print the JSON Schema of catalog files, for editors', run: schema }],
  ['pages', { args: '--catalog <file> --out <dir>', summary: 'write every product page as <out>/p/<id>/index.html, for static hosting', run: pagesCommand }],
  ['build', { args: '--catalog <file> --out <dir>', summary: 'write the catalog for static hosting: whole, or a first page, a search index and shards', run: buildCommand }],
  ['import', { args: 'shopify|woocommerce <csv> --out <file>', summary: 'turn a Shopify or WooCommerce product export into a catalog file (options: `fanshop import --help`)', run: importCommand }],
  ['feed', { args: '[reviews] --catalog <file> [--out <file>]', summary: 'write the Meta (Facebook, Instagram) catalog feed, or its ratings and reviews feed, as CSV', run: feedCommand }],
  ['orders', { args: '[--json]', summary: 'list the paid orders (DATABASE_URL, or FANSHOP_DATA_DIR with the server stopped)', run: ordersCommand }],
  ['reviews', { args: 'list|hide|approve [<id>]', summary: 'list reviews, hide one, or approve one held for moderation (the same database as orders)', run: reviewsCommand }],
  ['wishes', { args: 'list [--emails <product-id>] [--json]', summary: 'count the "Notify me" emails per product, or export one product’s (the same database as orders)', run: wishesCommand }],
  ['hash-password', { args: '', summary: 'ask for the studio’s password and print its hash for FANSHOP_ADMIN_PASSWORD_HASH', run: hashPasswordCommand }],
  ['help', { args: '', summary: 'show this help', run: async (_args, io) => (io.stdout(usage()), 0) }],
]);

function usage(): string {
  const rows = [...commands].map(([name, command]) => [`${name} ${command.args}`.trim(), command.summary] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = rows.map(([left, summary]) => `  ${left.padEnd(width)}${summary}`);
  return `Usage: fanshop <command>\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs one `fanshop` command and returns the process exit code.
 * @param argv the arguments after the script name (`process.argv.slice(2)`)
 * @example await main(['validate', 'public/catalog.json'], nodeIo) // 0 when the catalog is valid
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(usage());
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    io.stderr(`fanshop: unknown command "${name}"\n\n${usage()}`);
    return USAGE_ERROR;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // A bug of ours, not the merchant's input: say so in one line instead of a stack trace.
    io.stderr(`[fanshop] ${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
