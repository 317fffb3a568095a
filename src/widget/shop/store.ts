import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Catalog, Product } from '../../core/catalog/types';
import type { ProductSort } from '../../core/catalog/search';
import type { PagedCatalog } from '../../core/catalog/envelope';
import type { ProductRatings } from '../../core/api/reviews';

/** What the shopper is looking at. The cart lives in its own store (cart/store.ts). */
export interface ShopState {
  readonly status: 'loading' | 'ready' | 'error';
  /** `network`: the catalog could not be fetched; `invalid`: it is not a valid catalog. */
  readonly errorKind: 'network' | 'invalid' | null;
  /**
   * The catalog. Of a big catalog browsed through the server (`paged`), `products` holds the
   * products the widget has been sent so far (cards shown, products opened, the cart's lines),
   * not all of them: shop/remote.ts asks for the rest.
   */
  readonly catalog: Catalog | null;
  /** Set when the catalog is browsed a page at a time; `endpoint` is absolute. */
  readonly paged?: PagedCatalog;
  /** The server's answer to the grid's current search, category and sort (shop/remote.ts). */
  readonly results?: Results;
  /** The catalog came from a Fanshop server, so its APIs (likes) are there. */
  readonly served?: boolean;
  /**
   * The cards' stars by product id: what the server sent with the products (the envelope, a
   * page of a big catalog), so the first view has them; only rated products are in it.
   */
  readonly ratings?: ProductRatings | undefined;
  /** The server's events endpoint (absolute) when it keeps them (listening/listen.ts). */
  readonly events?: string | undefined;
  /** Like counts by product id, as far as known (social/likes.ts), for "Most liked". */
  readonly likes?: Readonly<Record<string, number>>;
  readonly query: string;
  readonly categoryId: string | null;
  readonly sort: ProductSort;
  /** The product whose detail view is open. */
  readonly productId: string | null;
  /** The review token of `#/review/<token>`: the review form is open (reviews/). */
  readonly reviewToken?: string | undefined;
  /** The product whose view is on screen and told (`view_item`); see checkout/return.ts. */
  readonly viewed?: string;
  readonly cartOpen: boolean;
  /** Messages for the shopper that stay until dismissed (cart reconciliation). */
  readonly notices: readonly Notice[];
  /** The latest message for screen readers (the live region). */
  readonly announcement: Notice | null;
}

/** The grid's search, category and sort, as one comparable value. */
export function queryKey(state: Pick<ShopState, 'query' | 'categoryId' | 'sort'>): string {
  return JSON.stringify([state.query.trim(), state.categoryId, state.sort]);
}

/**
 * The shop with its catalog in: the grid's first view. Of a big catalog the first page is the
 * grid's first results (shop/remote.ts asks for the rest). The browser (shop/boot.ts) and the
 * server's first view (ssr.tsx) set the same state, so a hydrated grid matches the server's.
 */
export function catalogReadyState(loaded: { catalog: Catalog; served?: boolean | undefined; paged?: PagedCatalog | undefined; ratings?: ProductRatings | undefined; events?: string | undefined }): Partial<ShopState> {
  const { catalog, paged } = loaded;
  const results = paged ? { key: queryKey({ query: '', categoryId: null, sort: 'featured' }), total: paged.total, products: catalog.products } : undefined;
  return { ...loaded, status: 'ready', errorKind: null, results };
}

export interface Results {
  /** The search, category and sort this answers (`queryKey`). */
  readonly key: string;
  readonly total: number;
  readonly products: readonly Product[];
  /** A "Show more" or a new search is on its way; what is shown stays until it arrives. */
  readonly pending?: boolean;
  /** The last request for these results failed. */
  readonly failed?: boolean;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
  /** A link the notice offers, such as "Rate what you bought" (`#/review/<token>`). */
  readonly action?: { readonly label: string; readonly href: string };
}

export type ShopStore = StoreApi<ShopState>;

export function createShopStore(): ShopStore {
  return createStore<ShopState>()(() => ({
    status: 'loading',
    errorKind: null,
    catalog: null,
    query: '',
    categoryId: null,
    sort: 'featured',
    productId: null,
    cartOpen: false,
    notices: [],
    announcement: null,
  }));
}

export function setFilters(store: ShopStore, filters: Partial<Pick<ShopState, 'query' | 'categoryId' | 'sort'>>): void {
  store.setState(filters);
}

export function clearFilters(store: ShopStore): void {
  store.setState({ query: '', categoryId: null });
}
