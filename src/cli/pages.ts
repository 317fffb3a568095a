import { join } from 'node:path';
import { productPage } from '../server/pages/product-page';
import { choosePageLanguage } from '../server/pages/page-locale';
import { catalogCommandOptions, readCatalog } from './catalog-input';
import type { CliIo } from './commands';

export const PAGES_USAGE = 'Usage: fanshop pages --catalog <file-or-url> --out <dir> [--base-url <url>] [--locale <en|de>]\n';

/**
 * `fanshop pages`: every product's page as a static file, `<out>/p/<id>/index.html`, so that
 * `<base-url>/p/<id>` works on static hosting; the same HTML the server sends for `/p/<id>`.
 * The pages load `/fanshop.js`, `/catalog.json` and `/product-page.css` from the site (the files
 * of dist/client), under the base URL's path.
 */
export async function pagesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = catalogCommandOptions(args, io, PAGES_USAGE, true);
  if (options === 2) return 2;
  const out = options.out!;
  if (!io.writeFile) throw new Error('this command needs to write files');
  const catalog = await readCatalog(options.catalog, io);
  if (!catalog) return 1;
  const baseUrl = options.baseUrl ?? catalog.shop.baseUrl;
  const language = choosePageLanguage({ query: options.locale, fallback: catalog.shop.defaultLocale });
  for (const product of catalog.products) {
    await io.writeFile(join(out, 'p', product.id, 'index.html'), productPage({ catalog, product, language, baseUrl }));
  }
  const count = catalog.products.length;
  io.stdout(`Wrote ${count} product ${count === 1 ? 'page' : 'pages'} to ${join(out, 'p')}/<id>/index.html for ${baseUrl}/p/<id>\n`);
  return 0;
}
