import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { parseCatalog } from '../core/catalog/parse';
import { FIRST_PAGE_FILE, staticSiteFiles } from '../core/catalog/static-files';
import { FIRST_PAGE_SIZE, SHARD_SIZE, WHOLE_CATALOG_MAX_PRODUCTS } from '../core/catalog/static-site';
import { readJson } from './read-json';
import type { CliIo } from './commands';

export const BUILD_USAGE = 'Usage: fanshop build --catalog <file-or-url> --out <dir> [--max-whole <products>]\n';

type Json = Record<string, unknown>;

/**
 * `fanshop build`: a catalog for static hosting (core/catalog/static-site.ts). Up to
 * `--max-whole` products (WHOLE_CATALOG_MAX_PRODUCTS) it is written whole, as it travels whole
 * from the server; above, as the answers the server would give: the first page, the search
 * index and the products in shards, all in `--out`. The catalog is checked first, as the server
 * checks it; the files keep the merchant's own format, with image paths made relative to
 * `--out` (or absolute, for a catalog read from a URL), so the images are not copied.
 */
export async function buildCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { catalog?: string; out?: string; 'max-whole'?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { catalog: { type: 'string' }, out: { type: 'string' }, 'max-whole': { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${BUILD_USAGE}`);
    return 2;
  }
  const { catalog: source, out } = values;
  const maxWhole = values['max-whole'] === undefined ? WHOLE_CATALOG_MAX_PRODUCTS : Number(values['max-whole']);
  if (!source || !out || !Number.isSafeInteger(maxWhole) || maxWhole < 0) {
    io.stderr(BUILD_USAGE);
    return 2;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');
  const read = await readJson(source, io);
  if (!read.ok) {
    io.stderr(`✖ ${read.message}\n`);
    return 1;
  }
  const result = parseCatalog(read.value);
  if (!result.ok) {
    io.stderr(result.errors.map((problem) => `✖ ${problem.path || source}: ${problem.message}\n`).join(''));
    io.stderr(`${source} has problems; nothing was written. Check it with: fanshop validate ${source}\n`);
    return 1;
  }
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
  const files = staticSiteFiles(read.value as Json, { image: imagePaths(source, out), hash, maxWhole });
  for (const [name, text] of files) await io.writeFile(join(out, name), text);
  const count = result.catalog.products.length;
  const first = join(out, FIRST_PAGE_FILE);
  if (files.size === 1) io.stdout(`Wrote ${first}: the whole catalog (${count} products, at most ${maxWhole} travel whole).\n`);
  else {
    const kb = (name: string) => `${Math.round(gzipSync(files.get(name)!).length / 1024)} KB gzip`;
    const [, index] = files.keys();
    const shards = Math.ceil(count / SHARD_SIZE);
    io.stdout(`Wrote ${first}: the first ${Math.min(FIRST_PAGE_SIZE, count)} of ${count} products (${kb(FIRST_PAGE_FILE)}), the search index ${index} (${kb(index!)}), ${shards} shards of ${SHARD_SIZE} products and ${shards} files of where each product is.\n`);
  }
  io.stdout(`Point the widget at it: data-catalog="<where ${out} is served>/${FIRST_PAGE_FILE}".\n`);
  return 0;
}

/**
 * Image paths are relative to the catalog file (docs/catalog-format.md): from `--out` they are
 * the same files by another relative path; from a catalog read over http(s), absolute URLs.
 * Paths from the site's root and absolute URLs stay; percent-escapes stay as written.
 * @example imagePaths('shop/catalog.json', 'shop/site')('images/mug.jpg') // "../images/mug.jpg"
 */
export function imagePaths(source: string, out: string): (src: string) => string {
  if (/^https?:\/\//i.test(source)) return (src) => new URL(src, source).href;
  const from = pathToFileURL(resolve(source));
  const to = pathToFileURL(join(resolve(out), FIRST_PAGE_FILE));
  return (src) => {
    // A path from the site's root ("/images/mug.jpg") means the same wherever the catalog is.
    if (src.startsWith('/')) return src;
    const target = new URL(src, from);
    if (target.protocol !== 'file:') return src;
    const have = to.pathname.split('/').slice(0, -1);
    const want = target.pathname.split('/');
    let common = 0;
    while (common < have.length && common < want.length - 1 && have[common] === want[common]) common++;
    return [...Array<string>(have.length - common).fill('..'), ...want.slice(common)].join('/') + target.search + target.hash;
  };
}
