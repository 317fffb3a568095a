import { parseArgs } from 'node:util';
import { metaCatalogCsv } from '../server/feeds/meta-csv';
import { baseUrlOption, readCatalog } from './catalog-input';
import type { CliIo } from './commands';

export const FEED_USAGE = 'Usage: fanshop feed --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n';

/**
 * `fanshop feed`: the catalog as a Meta Commerce Manager CSV feed (server/feeds/meta-csv.ts), the
 * same the server serves at `/feeds/meta.csv`; to stdout, or to `--out <file>` for upload.
 */
export async function feedCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { catalog?: string; out?: string; 'base-url'?: string; locale?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { catalog: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' }, locale: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${FEED_USAGE}`);
    return 2;
  }
  if (!values.catalog) {
    io.stderr(FEED_USAGE);
    return 2;
  }
  const base = values['base-url'] === undefined ? undefined : baseUrlOption(values['base-url']);
  if (base && !base.ok) {
    io.stderr(`${base.message}\n`);
    return 2;
  }
  const catalog = await readCatalog(values.catalog, io);
  if (!catalog) return 1;
  const csv = metaCatalogCsv(catalog, { baseUrl: base?.value, locale: values.locale });
  if (!values.out) {
    io.stdout(csv);
    return 0;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');
  await io.writeFile(values.out, csv);
  const items = catalog.products.reduce((sum, product) => sum + (product.variants.length || 1), 0);
  io.stdout(`Wrote ${items} ${items === 1 ? 'item' : 'items'} to ${values.out}\n`);
  return 0;
}
