import { MAX_PAGE_SIZE, type ProductPage } from '../../core/api/products';
import type { PagedCatalog } from '../../core/catalog/envelope';
import type { Product } from '../../core/catalog/types';
import type { Shop } from './context';
import { queryKey, type ShopState } from './store';
import { catalogUrl } from './boot';
import { withAbsoluteImageUrls } from './load';
import { sameProductsKept } from './same-products';
import { withPageRatings } from '../reviews/card-ratings';
import { loadRating } from '../ui/rating-part';

/**
 * A big catalog browsed a page at a time: the grid's searches and pages, and the products the
 * shopper opens or has in the cart, from the catalog's source: its server (`GET /api/products`,
 * core/api/products.ts), or the files `fanshop build` wrote for static hosting
 * (shop/static-source.ts, a chunk of its own). Loaded only for such a catalog, after the first
 * page is on screen (it came with the catalog).
 *
 * Typing is debounced: the first change asks at once, and changes within DEBOUNCE_MS of the last
 * request wait for the end of the burst. A request that a newer one supersedes is cancelled, and
 * the results on screen stay until the newer ones arrive, so the grid never flashes empty.
 */
export const DEBOUNCE_MS = 100;
/** Cards asked for by each "Show more". */
export const PAGE_SIZE = 48;
/**
 * Cards of the first page of a search, a category or a sort: what each keystroke waits for, so
 * half a "Show more" (a phone shows four cards at a time; rendering a search's new cards was
 * most of a keystroke's time at 10,000 products, issue 12). The catalog's own first page is as
 * long as the one the catalog came with.
 */
export const SEARCH_PAGE_SIZE = 24;


interface Slot {
  controller?: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  lastStart: number;
}
const slots = new WeakMap<Shop, Slot>();
const slotOf = (shop: Shop): Slot => {
  let slot = slots.get(shop);
  if (!slot) slots.set(shop, (slot = { lastStart: -Infinity }));
  return slot;
};

/** The query string of a page: defaults left out, so equal queries are one cache entry. */
export function pageSearch(state: Pick<ShopState, 'query' | 'categoryId' | 'sort'>, offset: number): string {
  const params = new URLSearchParams();
  const q = state.query.trim();
  if (q) params.set('q', q);
  if (state.categoryId) params.set('category', state.categoryId);
  if (state.sort !== 'featured') params.set('sort', state.sort);
  if (offset) params.set('offset', String(offset));
  params.set('limit', String(offset || !params.toString() ? PAGE_SIZE : SEARCH_PAGE_SIZE));
  return `?${params}`;
}

/** Where the pages and products of a big catalog come from. */
export interface ProductSource {
  /** A page of PAGE_SIZE products of the grid's search, category and sort, from `offset`. */
  page(state: Pick<ShopState, 'query' | 'categoryId' | 'sort'>, offset: number, signal?: AbortSignal): Promise<ProductPage>;
  /** The products of these ids (any number) that the catalog has; rejects when they cannot be asked for. */
  products(ids: readonly string[]): Promise<readonly Product[]>;
}

async function fetchPage(shop: Shop, endpoint: string, search: string, signal?: AbortSignal): Promise<ProductPage> {
  const response = await fetch(endpoint + search, { credentials: 'omit', signal });
  if (!response.ok) throw new Error(`[fanshop] ${endpoint}${search} answered HTTP ${response.status}`);
  const page = (await response.json()) as ProductPage;
  // A page's stars are rendered with its cards: their code and texts come first (ui/rating-part.ts).
  if (page.ratings) await loadRating(shop.more);
  const base = catalogUrl(shop.config.catalog);
  return { ...page, products: sameProductsKept(shop.store.getState().catalog?.products ?? [], page.products.map((p) => withAbsoluteImageUrls(p, base))) };
}

/** The catalog's server: it answers every page and every list of ids. */
function serverSource(shop: Shop, endpoint: string): ProductSource {
  return {
    page: (state, offset, signal) => fetchPage(shop, endpoint, pageSearch(state, offset), signal),
    async products(ids) {
      const found: Product[] = [];
      for (let i = 0; i < ids.length; i += MAX_PAGE_SIZE) {
        found.push(...(await fetchPage(shop, endpoint, `?ids=${ids.slice(i, i + MAX_PAGE_SIZE).map(encodeURIComponent).join(',')}`)).products);
      }
      return found;
    },
  };
}

const sources = new WeakMap<PagedCatalog, Promise<ProductSource>>();

/** The source of the shop's catalog, one per catalog loaded (its caches live as long). */
function sourceOf(shop: Shop): Promise<ProductSource> {
  const { paged } = shop.store.getState();
  if (!paged) return Promise.reject(new Error('[fanshop] the catalog is not browsed a page at a time'));
  let source = sources.get(paged);
  if (!source) {
    source = paged.shards ? import('./static-source').then((m) => m.staticSource(shop, paged)) : Promise.resolve(serverSource(shop, paged.endpoint));
    // A chunk that failed to load is asked for again by the next call (Retry).
    source.catch(() => sources.delete(paged));
    sources.set(paged, source);
  }
  return source;
}

/**
 * The state with products the server sent added to the ones the widget has (the cart and the
 * product view find them there), the newer copy replacing an older one. Set together with what
 * the grid shows, so a search's answer is one render.
 */
function remembered(shop: Shop, products: readonly Product[], page?: Pick<ProductPage, 'ratings'>): Partial<ShopState> {
  const { catalog, ratings } = shop.store.getState();
  if (!catalog || !products.length) return {};
  // A page's stars (its server's: core/api/products.ts) replace what was known of its products.
  const rated = page && { ratings: withPageRatings(ratings, products, page.ratings) };
  const fresh = new Map(products.map((p) => [p.id, p]));
  const kept = catalog.products.map((p) => fresh.get(p.id) ?? p);
  const known = new Set(catalog.products.map((p) => p.id));
  return { catalog: { ...catalog, products: [...kept, ...products.filter((p) => !known.has(p.id))] }, ...rated };
}

/** Brings the results of the grid's current search, category and sort (Browse calls it on every change). */
export function showResults(shop: Shop): void {
  const state = shop.store.getState();
  const key = queryKey(state);
  const slot = slotOf(shop);
  clearTimeout(slot.timer);
  if (state.results?.key === key && !state.results.failed) {
    // Back to what is on screen (typed and deleted a letter): nothing to ask.
    slot.controller?.abort();
    if (state.results.pending) shop.store.setState({ results: { ...state.results, pending: false } });
    return;
  }
  if (state.results) shop.store.setState({ results: { ...state.results, pending: true } });
  const run = () => {
    slot.controller?.abort();
    const controller = (slot.controller = new AbortController());
    slot.lastStart = performance.now();
    const now = shop.store.getState();
    sourceOf(shop).then((source) => source.page(now, 0, controller.signal)).then(
      (page) => {
        if (controller.signal.aborted) return;
        shop.store.setState({ ...remembered(shop, page.products, page), results: { key: queryKey(now), total: page.total, products: page.products } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('[fanshop] the search could not be done:', error);
        shop.store.setState((s) => ({ results: s.results ? { ...s.results, pending: false, failed: true } : undefined }));
      },
    );
  };
  const wait = slot.lastStart + DEBOUNCE_MS - performance.now();
  if (wait <= 0) run();
  else slot.timer = setTimeout(run, wait);
}

/** "Show more": the next page of the current results, added below them. */
export function showMore(shop: Shop): void {
  const { results } = shop.store.getState();
  if (!results || results.pending || results.products.length >= results.total) return;
  const state = shop.store.getState();
  shop.store.setState({ results: { ...results, pending: true, failed: false } });
  sourceOf(shop).then((source) => source.page(state, results.products.length)).then(
    (page) => {
      const now = shop.store.getState().results;
      // A new search came in the meantime: its results are the ones that count.
      if (now?.key !== results.key) return;
      shop.store.setState({ ...remembered(shop, page.products, page), results: { key: results.key, total: page.total, products: [...results.products, ...page.products] } });
    },
    (error: unknown) => {
      console.error('[fanshop] more products could not be loaded:', error);
      const now = shop.store.getState().results;
      if (now?.key === results.key) shop.store.setState({ results: { ...now, pending: false, failed: true } });
    },
  );
}

/**
 * Makes sure the widget has these products (a product opened by its link, the saved cart's
 * lines): asks the source for those it has not been sent. Resolves with the ids the catalog has
 * none of; rejects when the source cannot be asked, so nothing is taken for gone on a failed call.
 */
export async function ensureProducts(shop: Shop, ids: readonly string[]): Promise<string[]> {
  const state = shop.store.getState();
  const known = new Set(state.catalog?.products.map((p) => p.id));
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (!missing.length || !state.paged) return state.paged ? [] : missing;
  const products = await (await sourceOf(shop)).products(missing);
  shop.store.setState(remembered(shop, products));
  const found = new Set(products.map((p) => p.id));
  return missing.filter((id) => !found.has(id));
}
