import { metaCatalogCsv } from '../server/feeds/meta-csv';
import { catalogCommandOptions, readCatalog } from './catalog-input';
import type { CliIo } from './commands';

export const FEED_USAGE = 'Usage: fanshop feed --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n';

/**
 * `fanshop feed`: the catalog as a Meta Commerce Manager CSV feed (server/feeds/meta-csv.ts), the
 * same the server serves at `/feeds/meta.csv`; to stdout, or to `--out <file>` for upload.
 */
export async function feedCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = catalogCommandOptions(args, io, FEED_USAGE, false);
  if (options === 2) return 2;
  const catalog = await readCatalog(options.catalog, io);
  if (!catalog) return 1;
  const csv = metaCatalogCsv(catalog, { baseUrl: options.baseUrl, locale: options.locale });
  if (!options.out) {
    io.stdout(csv);
    return 0;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');
  await io.writeFile(options.out, csv);
  const items = catalog.products.reduce((sum, product) => sum + (product.variants.length || 1), 0);
  io.stdout(`Wrote ${items} ${items === 1 ? 'item' : 'items'} to ${options.out}\n`);
  return 0;
}
