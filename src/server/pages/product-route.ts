import type { Handler } from 'hono';
import { localize } from '../../core/catalog/localize';
import { parsedCatalog, type LoadedCatalog } from '../catalog/source';
import { sha256Hex } from '../hash';
import { etagMatches } from '../http/etag';
import { choosePageLanguage, type PageLanguage } from './page-locale';
import { productNotFoundPage, productPage, shopUnavailablePage } from './product-page';
import { firstView } from './first-view';
import { basePath } from '../../core/catalog/product-urls';
import type { CatalogEnvelope } from '../../core/catalog/envelope';
import type { ProductReviews } from '../reviews/product-reviews';
import { utf8 } from '../http/utf8';

/**
 * `GET /p/:productId`: the product's page (product-page.ts) with the headers every page of ours
 * gets (`csp`, and nosniff and the referrer policy from http/security.ts). Crawlers fetch these
 * pages again and again: an ETag of the HTML makes a repeat a 304, five minutes of caching
 * spares most, and compression (app.ts) the rest. The page depends on the language, so caches
 * keep one per Accept-Language. An unknown id is a real 404 page; a catalog that cannot be read
 * or parsed is a 503 page, never a stack trace.
 */
export function productPageRoute(
  load: () => Promise<LoadedCatalog>,
  options: { csp: string; envelope?: () => Promise<CatalogEnvelope | null>; reviews?: ((productId: string) => Promise<ProductReviews | undefined>) | undefined },
): Handler {
  return async (c) => {
    const language = (fallback?: string) =>
      choosePageLanguage({ query: c.req.query('locale'), fbLocale: c.req.query('fb_locale'), acceptLanguage: c.req.header('Accept-Language'), fallback });
    const catalog = await parsedCatalog(load);
    if (!catalog) return send(shopUnavailablePage({ language: language() }), 503, { ...headers(options.csp, 'no-store'), 'Retry-After': '60' });

    const lang: PageLanguage = language(catalog.shop.defaultLocale);
    const productId = c.req.param('productId');
    const product = catalog.products.find((p) => p.id === productId);
    if (!product) {
      const shopName = localize(catalog.shop.name, lang, catalog.shop.defaultLocale);
      return send(productNotFoundPage({ language: lang, shopName, baseUrl: catalog.shop.baseUrl }), 404, headers(options.csp, 'no-cache'));
    }

    const root = basePath(catalog.shop.baseUrl);
    // The widget's product view, as HTML (pages/first-view.ts), for the page's data-* settings.
    const view = options.envelope
      ? await firstView({ envelope: options.envelope, pageUrl: c.req.url, catalogPath: `${root}/catalog.json`, pageLang: lang, product: product.id, headingLevel: 1, root })
      : undefined;
    const reviews = await options.reviews?.(product.id);
    const html = productPage({ catalog, product, language: lang, baseUrl: catalog.shop.baseUrl, firstView: view, reviews });
    const etag = `"${await sha256Hex(html, 16)}"`;
    const ok = { ...headers(options.csp, 'public, max-age=300'), ETag: etag };
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      // A 304 carries the validators and caching headers of the 200 it stands for (RFC 9110 §15.4.5).
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': ok['Cache-Control'], Vary: ok.Vary } });
    }
    return send(html, 200, ok);
  };
}

function headers(csp: string, cacheControl: string) {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Language, Accept-Encoding',
  };
}

// Hono answers HEAD with the GET handler's headers and no body.
const send = (html: string, status: number, headers: Record<string, string>) => new Response(utf8(html), { status, headers });
