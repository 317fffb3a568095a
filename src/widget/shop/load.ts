import { formatProblems, parseCatalogWithoutWarnings } from '../../core/catalog/parse-core';
import type { Catalog } from '../../core/catalog/types';
import { afterPaint } from './after-paint';

export type CatalogLoadResult =
  | { ok: true; catalog: Catalog }
  | { ok: false; kind: 'network' | 'invalid' };

/**
 * Fetches and parses the catalog once. Problems go to the console for the merchant (with the
 * URL and every JSON path); the shopper gets a translated error state with a Retry button.
 */
export async function loadCatalog(url: string, fetchImpl: typeof fetch = fetch): Promise<CatalogLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit' });
  } catch (error) {
    console.error(`[fanshop] could not fetch the catalog ${url}:`, error);
    return { ok: false, kind: 'network' };
  }
  if (!response.ok) {
    console.error(`[fanshop] could not fetch the catalog ${url}: HTTP ${response.status}`);
    return { ok: false, kind: 'network' };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    console.error(`[fanshop] the catalog ${url} is not valid JSON. Check it with: npx fanshop validate ${url}`);
    return { ok: false, kind: 'invalid' };
  }
  performance.mark('fanshop:catalog-fetched');
  const result = parseCatalogWithoutWarnings(json);
  performance.mark('fanshop:catalog-parsed');
  if (!result.ok) {
    console.error(
      `[fanshop] the catalog ${url} has ${result.errors.length} problem(s):\n${formatProblems(result.errors)}\nCheck it with: npx fanshop validate ${url}`,
    );
    return { ok: false, kind: 'invalid' };
  }
  // Unknown fields are worth a console warning, not a delay: look for them after the grid shows.
  afterPaint(() => void import('./catalog-warnings').then((m) => m.warnAboutUnknownFields(json, url)));
  return { ok: true, catalog: withAbsoluteImages(result.catalog, url) };
}

/** Image paths in a catalog are relative to the catalog file, not to the host page. */
function withAbsoluteImages(catalog: Catalog, catalogUrl: string): Catalog {
  return {
    ...catalog,
    products: catalog.products.map((p) => ({
      ...p,
      images: p.images.map((img) => ({ ...img, src: new URL(img.src, catalogUrl).href })),
    })),
  };
}
