import { metaCatalogCsv } from '../server/feeds/meta-csv';
import { catalogCommandOptions, readCatalog } from './catalog-input';
import type { CliIo } from './commands';
import { metaReviewsCsv } from '../server/feeds/meta-reviews-csv';
import { openCliData } from './data';

export const FEED_USAGE =
  'Usage: fanshop feed --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n' +
  '       fanshop feed reviews --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n';

/**
 * `fanshop feed`: the catalog as a Meta Commerce Manager CSV feed (server/feeds/meta-csv.ts), the
 * same the server serves at `/feeds/meta.csv`; to stdout, or to `--out <file>` for upload.
 */
export async function feedCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args[0] === 'reviews') return reviewsFeedCommand(args.slice(1), io);
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

/**
 * `fanshop feed reviews`: the published reviews as Meta's product ratings and reviews feed
 * (server/feeds/meta-reviews-csv.ts), the same the server serves at `/feeds/meta-reviews.csv`,
 * from the database the server uses (cli/data.ts) and the catalog for product names and links.
 */
async function reviewsFeedCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = catalogCommandOptions(args, io, FEED_USAGE, false);
  if (options === 2) return 2;
  const catalog = await readCatalog(options.catalog, io);
  if (!catalog) return 1;
  const data = await openCliData(io);
  if (!data) return 1;
  let csv: string;
  try {
    csv = metaReviewsCsv(catalog, await data.reviews.allReviews(['published']), { baseUrl: options.baseUrl, locale: options.locale });
  } finally {
    await data.close();
  }
  if (!options.out) {
    io.stdout(csv);
    return 0;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');
  await io.writeFile(options.out, csv);
  // Records end in CRLF; review texts hold LF only (server/reviews/request.ts cleans them).
  const rows = csv.split('\r\n').length - 2;
  io.stdout(`Wrote ${rows} ${rows === 1 ? 'review' : 'reviews'} to ${options.out}\n`);
  return 0;
}
