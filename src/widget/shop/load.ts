import { isCatalogEnvelope, PARSED_CATALOG_PARAM, type CatalogEnvelope, type PagedCatalog } from '../../core/catalog/envelope';
import type { Catalog, CatalogProblem, Product } from '../../core/catalog/types';
import type { ProductRatings } from '../../core/api/reviews';

export type CatalogLoadResult =
  /** `served`: the catalog came parsed from a Fanshop server (which then also has the likes API). */
  | { ok: true; catalog: Catalog; served?: boolean; paged?: PagedCatalog; ratings?: ProductRatings | undefined; events?: string | undefined }
  | { ok: false; kind: 'network' | 'invalid' };

/**
 * Fetches the catalog once. From a Fanshop server on the widget's own origin it arrives parsed
 * (core/catalog/envelope.ts); from anywhere else, such as static hosting, the widget loads the
 * checker and parses the file itself. Problems go to the console for the merchant, with the URL
 * and every JSON path; the shopper gets a translated error state with a Retry button.
 */
export async function loadCatalog(url: string, widgetOrigin: string, fetchImpl: (url: string, init: RequestInit) => Promise<Response> = fetch): Promise<CatalogLoadResult> {
  const request = new URL(url);
  request.searchParams.set(PARSED_CATALOG_PARAM, '1');
  let response: Response;
  let json: unknown;
  try {
    response = await fetchImpl(request.href, { credentials: 'omit' });
  } catch (error) {
    console.error(`[fanshop] could not fetch the catalog ${url}:`, error);
    return { ok: false, kind: 'network' };
  }
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  // Only our own server's word is taken for it: it served this widget's code too.
  const trusted = new URL(response.url || request.href).origin === widgetOrigin && isCatalogEnvelope(json);
  if (!response.ok && !trusted) {
    console.error(`[fanshop] could not fetch the catalog ${url}: HTTP ${response.status}`);
    return { ok: false, kind: 'network' };
  }
  performance.mark('fanshop:catalog-fetched');
  if (json === undefined) return report(url, [{ path: '', message: 'is not valid JSON' }], []);
  if (trusted) return fromEnvelope(json as CatalogEnvelope, url);
  return (await import('./untrusted-catalog')).untrustedCatalog(json, url);
}

/**
 * The catalog of our server's envelope, as the widget uses it: fetched (above), or embedded by
 * the server in a page whose first view it rendered (mount.ts), where it is the same data.
 */
export function fromEnvelope(envelope: CatalogEnvelope, url: string): CatalogLoadResult {
  if (!('catalog' in envelope)) return report(url, envelope.errors, envelope.warnings);
  done(url, envelope.warnings);
  return servedCatalog(envelope, url);
}

/**
 * A parsed envelope's catalog with image URLs made absolute against the catalog's URL; a big
 * catalog came as its first page, and the rest is asked of the server (shop/remote.ts). Pure:
 * the server's first view (ssr.tsx) renders from exactly what the widget will hydrate with.
 */
export function servedCatalog(envelope: Extract<CatalogEnvelope, { catalog: Catalog }>, url: string): CatalogLoadResult & { ok: true } {
  const { paged } = envelope;
  // The rest of the envelope as it came: ratings, and the events endpoint (listening/listen.ts).
  return { ...envelope, ok: true, catalog: withAbsoluteImages(envelope.catalog, url), served: true, paged: paged && { ...paged, endpoint: new URL(paged.endpoint, url).href } };
}

export function done(url: string, warnings: readonly CatalogProblem[]): void {
  performance.mark('fanshop:catalog-parsed');
  if (warnings.length) void import('./catalog-problems').then((m) => m.warnIgnored(url, warnings));
}

/** The error state's word for a catalog with problems; the console lists them once their code is in. */
export function report(url: string, errors: readonly CatalogProblem[], warnings: readonly CatalogProblem[]): CatalogLoadResult {
  void import('./catalog-problems').then((m) => m.logProblems(url, errors, warnings));
  return { ok: false, kind: 'invalid' };
}

/** Image paths in a catalog are relative to the catalog file, not to the host page. */
export function withAbsoluteImages(catalog: Catalog, catalogUrl: string): Catalog {
  return { ...catalog, products: catalog.products.map((p) => withAbsoluteImageUrls(p, catalogUrl)) };
}

export function withAbsoluteImageUrls(product: Product, catalogUrl: string): Product {
  return { ...product, images: product.images.map((img) => ({ ...img, src: new URL(img.src, catalogUrl).href })) };
}
