import { parseCatalog } from '../../core/catalog/parse';
import { readStaticPaging } from '../../core/catalog/static-site';
import { done, report, withAbsoluteImages, type CatalogLoadResult } from './load';

/**
 * A catalog from anywhere but our own server (static hosting): checked here, in the browser, as
 * untrusted data (core/catalog/parse.ts). A first page of `fanshop build` (core/catalog/static-site.ts)
 * is a catalog file with a `paged` field: its files are checked when they are fetched
 * (shop/static-source.ts), and the index's name becomes an absolute URL here, like the images.
 */
export function untrustedCatalog(json: unknown, url: string): CatalogLoadResult {
  const { paged, ...file } = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : { paged: undefined };
  const result = parseCatalog(paged === undefined ? json : file);
  if (!result.ok) return report(url, result.errors, result.warnings);
  const paging = paged === undefined ? undefined : readStaticPaging(paged, result.catalog);
  if (typeof paging === 'string') return report(url, [{ path: 'paged', message: paging }], result.warnings);
  done(url, result.warnings);
  const catalog = withAbsoluteImages(result.catalog, url);
  if (!paging) return { ok: true, catalog };
  // The numbered names stay relative, to the index beside them: a URL would escape the braces.
  const { total, categories, index, shards, shardSize, directory } = paging;
  return { ok: true, catalog, paged: { total, categories, endpoint: new URL(index, url).href, shards, shardSize, directory } };
}
