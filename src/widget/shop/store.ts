import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Catalog } from '../../core/catalog/types';
import type { ProductSort } from '../../core/catalog/search';

/** What the shopper is looking at. The cart lives in its own store (cart/store.ts). */
export interface ShopState {
  readonly status: 'loading' | 'ready' | 'error';
  /** `network`: the catalog could not be fetched; `invalid`: it is not a valid catalog. */
  readonly errorKind: 'network' | 'invalid' | null;
  readonly catalog: Catalog | null;
  /** The catalog came from a Fanshop server, so its APIs (likes) are there. */
  readonly served?: boolean;
  /** Like counts by product id, as far as known (social/likes.ts), for "Most liked". */
  readonly likes?: Readonly<Record<string, number>>;
  readonly query: string;
  readonly categoryId: string | null;
  readonly sort: ProductSort;
  /** The product whose detail view is open. */
  readonly productId: string | null;
  /** The product whose view is on screen and told (`view_item`); see checkout/return.ts. */
  readonly viewed?: string;
  readonly cartOpen: boolean;
  /** Messages for the shopper that stay until dismissed (cart reconciliation). */
  readonly notices: readonly Notice[];
  /** The latest message for screen readers (the live region). */
  readonly announcement: Notice | null;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
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

let nextNoticeId = 1;

export function announce(store: ShopStore, text: string): void {
  store.setState({ announcement: { id: nextNoticeId++, text } });
}

export function addNotices(store: ShopStore, texts: readonly string[]): void {
  if (!texts.length) return;
  store.setState((s) => ({ notices: [...s.notices, ...texts.map((text) => ({ id: nextNoticeId++, text }))] }));
}

export function dismissNotice(store: ShopStore, id: number): void {
  store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function setFilters(store: ShopStore, filters: Partial<Pick<ShopState, 'query' | 'categoryId' | 'sort'>>): void {
  store.setState(filters);
}

export function clearFilters(store: ShopStore): void {
  store.setState({ query: '', categoryId: null });
}
