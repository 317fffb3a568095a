import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { productPage } from '../server/pages/product-page';
import { choosePageLanguage } from '../server/pages/page-locale';
import { baseUrlOption, readCatalog } from './catalog-input';
import type { CliIo } from './commands';

export const PAGES_USAGE = 'Usage: fanshop pages --catalog <file-or-url> --out <dir> [--base-url <url>] [--locale <en|de>]\n';

/**
 * `fanshop pages`: every product's page as a static file, `<out>/p/<id>/index.html`, so that
 * `<base-url>/p/<id>` works on static hosting; the same HTML the server sends for `/p/<id>`.
 * The pages load `/fanshop.js`, `/catalog.json` and `/product-page.css` from the site (the files
 * of dist/client), under the base URL's path.
 */
export async function pagesCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { catalog?: string; out?: string; 'base-url'?: string; locale?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { catalog: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' }, locale: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${PAGES_USAGE}`);
    return 2;
  }
  if (!values.catalog || !values.out) {
    io.stderr(PAGES_USAGE);
    return 2;
  }
  const base = values['base-url'] === undefined ? undefined : baseUrlOption(values['base-url']);
  if (base && !base.ok) {
    io.stderr(`${base.message}\n`);
    return 2;
  }
  if (!io.writeFile) throw new Error('this command needs to write files');
  const catalog = await readCatalog(values.catalog, io);
  if (!catalog) return 1;
  const baseUrl = base?.value ?? catalog.shop.baseUrl;
  const language = choosePageLanguage({ query: values.locale, fallback: catalog.shop.defaultLocale });
  for (const product of catalog.products) {
    await io.writeFile(join(values.out, 'p', product.id, 'index.html'), productPage({ catalog, product, language, baseUrl }));
  }
  const count = catalog.products.length;
  io.stdout(`Wrote ${count} product ${count === 1 ? 'page' : 'pages'} to ${join(values.out, 'p')}/<id>/index.html for ${baseUrl}/p/<id>\n`);
  return 0;
}
