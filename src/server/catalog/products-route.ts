import type { Handler } from 'hono';
import { MAX_PAGE_SIZE, type ProductPage } from '../../core/api/products';
import type { ProductSort } from '../../core/catalog/search';
import { buildProductIndex, queryProducts, type ProductIndex } from '../../core/catalog/query';
import type { Catalog, Product } from '../../core/catalog/types';
import { apiError, errorResponse } from '../http/api-error';
import { etagMatches } from '../http/etag';
import type { LoadedCatalog } from './source';
import type { LikesStore } from '../likes/store';
import type { StockStore } from '../stock/store';
import { liveProducts } from '../stock/live-catalog';
import { takenStock } from '../stock/taken-stock';

// How big a catalog travels whole, shared with `fanshop build` (its measurements are there).
export { FIRST_PAGE_SIZE, WHOLE_CATALOG_MAX_PRODUCTS } from '../../core/catalog/static-site';
import { FIRST_PAGE_SIZE } from '../../core/catalog/static-site';

const SORTS: readonly ProductSort[] = ['featured', 'price-asc', 'price-desc', 'newest', 'liked'];
const MAX_QUERY_LENGTH = 100;
const MAX_OFFSET = 1_000_000;
/** Like counts for "Most liked" over the whole catalog are read at most this often. */
const LIKES_MAX_AGE_MS = 5_000;

/**
 * The product queries of one server: an index built once per parsed catalog (the merchant's
 * text does not change with stock), answered with the products as shoppers see them now: live
 * stock is read for the page's products only (stock/live-catalog.ts `liveProducts`), so a page
 * costs the same whatever the catalog's size, worked out from one read of the shop's sales and
 * holds every 2 s (stock/taken-stock.ts). Shared by `GET /api/products` and the first page the
 * parsed catalog carries.
 */
export function productQueries(options: { load: () => Promise<LoadedCatalog>; stock?: StockStore; likes?: LikesStore; now?: () => number }) {
  const indexes = new WeakMap<Catalog, ProductIndex>();
  const byId = new WeakMap<Catalog, Map<string, Product>>();
  const categories = new WeakMap<Catalog, Record<string, number>>();
  const now = options.now ?? Date.now;
  // Sales and holds read from the store at most every 2 s, for every page (stock/taken-stock.ts).
  const stock = options.stock && takenStock(options.stock);
  let likes: { catalog: Catalog; at: number; counts: Promise<Record<string, number>> } | undefined;
  const indexOf = (catalog: Catalog) => {
    let index = indexes.get(catalog);
    if (!index) indexes.set(catalog, (index = buildProductIndex(catalog.products)));
    return index;
  };
  const productsById = (catalog: Catalog) => {
    let map = byId.get(catalog);
    if (!map) byId.set(catalog, (map = new Map(catalog.products.map((p) => [p.id, p]))));
    return map;
  };
  const categoryCounts = (catalog: Catalog) => {
    let counts = categories.get(catalog);
    if (!counts) {
      counts = {};
      for (const p of catalog.products) if (p.categoryId !== undefined) counts[p.categoryId] = (counts[p.categoryId] ?? 0) + 1;
      categories.set(catalog, counts);
    }
    return counts;
  };
  const likeCounts = (catalog: Catalog) => {
    if (!options.likes) return Promise.resolve({});
    const time = now();
    if (likes && likes.catalog === catalog && time - likes.at < LIKES_MAX_AGE_MS) return likes.counts;
    const entry = { catalog, at: time, counts: options.likes.counts(catalog.products.map((p) => p.id)) };
    likes = entry;
    entry.counts.catch(() => {
      if (likes === entry) likes = undefined;
    });
    return entry.counts;
  };
  /** The page's products with live stock, and a tag of that stock for the ETag. */
  const shown = async (page: Omit<ProductPage, 'products'>, products: readonly Product[]): Promise<ProductPage & { stockTag: string }> => {
    const live = await liveProducts(stock, products, new Date(now()));
    return { ...page, products: live.products, stockTag: live.tag };
  };
  return {
    /** One page of a query over the parsed catalog, with live stock. */
    page(catalog: Catalog, query: ParsedQuery): Promise<ProductPage & { stockTag: string }> {
      if ('ids' in query) {
        const map = productsById(catalog);
        const products = query.ids.map((id) => map.get(id)).filter((p): p is Product => p !== undefined);
        return shown({ total: products.length, offset: 0, categories: {} }, products);
      }
      if (!query.q.trim() && query.category === null && query.sort === 'featured') {
        // The catalog's own order, as the first page is asked for: no index needed, so the
        // first visitor after a start or a catalog change does not wait for it to be built;
        // it is built right after, for the searches that follow.
        setTimeout(() => indexOf(catalog), 0);
        return shown({ total: catalog.products.length, offset: query.offset, categories: categoryCounts(catalog) }, catalog.products.slice(query.offset, query.offset + query.limit));
      }
      return (query.sort === 'liked' ? likeCounts(catalog) : Promise.resolve(undefined)).then((counts) => {
        const result = queryProducts(indexOf(catalog), { q: query.q, categoryId: query.category, sort: query.sort, likes: counts, offset: query.offset, limit: query.limit });
        return shown({ total: result.total, offset: query.offset, categories: result.categories }, result.products);
      });
    },
    load: options.load,
  };
}

export type ProductQueries = ReturnType<typeof productQueries>;

export type ParsedQuery =
  | { readonly ids: readonly string[] }
  | { readonly q: string; readonly category: string | null; readonly sort: ProductSort; readonly offset: number; readonly limit: number };

/** The request's query, or why it is not one: what a URL can carry is bounded before any work. */
export function parseProductQuery(params: (name: string) => string | undefined): ParsedQuery | string {
  const ids = params('ids');
  if (ids !== undefined) {
    const list = [...new Set(ids.split(',').map((id) => id.trim()).filter(Boolean))];
    if (list.length > MAX_PAGE_SIZE) return `Ask for at most ${MAX_PAGE_SIZE} products at a time.`;
    return { ids: list };
  }
  const q = params('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) return `A search is at most ${MAX_QUERY_LENGTH} characters.`;
  const sort = (params('sort') ?? 'featured') as ProductSort;
  if (!SORTS.includes(sort)) return `sort is one of ${SORTS.join(', ')}.`;
  const integer = (name: string, fallback: number, min: number, max: number): number | string => {
    const raw = params(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    return /^\d+$/.test(raw) && n >= min && n <= max ? n : `${name} is a whole number from ${min} to ${max}.`;
  };
  const offset = integer('offset', 0, 0, MAX_OFFSET);
  if (typeof offset === 'string') return offset;
  const limit = integer('limit', FIRST_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  if (typeof limit === 'string') return limit;
  const category = params('category') || null;
  if (category !== null && category.length > MAX_QUERY_LENGTH) return 'No category has so long an id.';
  return { q, category, sort, offset, limit };
}

/**
 * `GET /api/products`: pages of products for the widget of a big catalog (core/api/products.ts).
 * Public and cacheable like the catalog: CORS is open, the ETag follows the catalog and its live
 * stock (a "Most liked" page follows likes, so it is only cached for seconds, without one).
 */
export function productsRoute(queries: ProductQueries): Handler {
  return async (c) => {
    const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
    const query = parseProductQuery((name) => c.req.query(name));
    if (typeof query === 'string') return errorResponse(c, apiError('invalid_request', query), headers);
    let loaded: LoadedCatalog;
    try {
      loaded = await queries.load();
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'The catalog cannot be read.'), headers);
    }
    if (!loaded.result.ok) return errorResponse(c, apiError('catalog_unavailable', 'The shop’s catalog has problems; its merchant has been told in the server log.'), headers);
    let page: ProductPage & { stockTag: string };
    try {
      page = await queries.page(loaded.result.catalog, query);
    } catch (error) {
      console.error('[fanshop] could not answer a product query:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'Products cannot be read right now; try again.'), headers);
    }
    const { stockTag, ...body } = page;
    if ('sort' in query && query.sort === 'liked') headers['Cache-Control'] = 'public, max-age=5';
    else {
      // The catalog's version and the live stock of this page's products.
      headers['Cache-Control'] = 'public, max-age=3, must-revalidate';
      headers.ETag = `"q${loaded.etag.slice(1, -1)}${stockTag ? `-${stockTag}` : ''}"`;
      if (etagMatches(c.req.header('If-None-Match'), headers.ETag)) return new Response(null, { status: 304, headers });
    }
    return c.json(body satisfies ProductPage, 200, headers);
  };
}
