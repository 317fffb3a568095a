import { createStore, type StoreApi } from 'zustand/vanilla';
import { money, toMajorUnits } from '../../core/money';
import type { Product } from '../../core/catalog/types';
import { safeStorage, type KeyValueStorage } from '../cart/persistence';
import type { Shop } from '../shop/context';
import { widgetOrigin } from '../shop/boot';
import { announce } from '../shop/notices';
import { shopperId } from './shopper-id';
import type { LikeRequestBody, LikeResponse, LikesResponse } from '../../core/api/likes';

/**
 * Likes are Fanshop's own (Facebook retired its Like button for other sites in February 2026).
 * The shopper's own likes are kept on the device, so a toggle shows at once and survives a
 * reload; with a server (`POST /api/likes/:id`, `GET /api/likes?ids=…`, src/server/likes) the
 * counts are everyone's, keyed by an anonymous random shopper id. Without one (a catalog on
 * static hosting), the count is the shopper's own like.
 */
export interface LikesState {
  /** Like counts by product id, as far as known. */
  readonly counts: Readonly<Record<string, number>>;
  /** Products this shopper likes. */
  readonly liked: Readonly<Record<string, boolean>>;
}

export interface Likes {
  readonly store: StoreApi<LikesState>;
  /** Asks the server for these products' counts (batched with other calls in the same tick). */
  want(productId: string): void;
  /** Asks for every product's count ("Most liked"). */
  wantAll(): void;
  toggle(product: Product): void;
}

const likedKey = (shopId: string) => `fanshop:likes:${shopId}`;
const clients = new WeakMap<Shop, Likes>();

export function likesFor(shop: Shop, storage?: KeyValueStorage): Likes {
  let client = clients.get(shop);
  if (!client) clients.set(shop, (client = createLikes(shop, storage ?? safeStorage(() => window.localStorage))));
  return client;
}

function createLikes(shop: Shop, storage: KeyValueStorage): Likes {
  const state = shop.store.getState();
  const catalog = state.catalog!;
  const endpoint = shop.config.likesUrl ? new URL(shop.config.likesUrl, document.baseURI).href : state.served ? new URL('/api/likes', widgetOrigin).href : null;
  const shopper = shopperId(storage);
  const saved = readLiked(storage.getItem(likedKey(catalog.shop.id)));
  const store = createStore<LikesState>()(() => ({
    liked: saved,
    // Without a server the count is the shopper's own like: 1 or 0.
    counts: endpoint ? {} : Object.fromEntries(catalog.products.map((p) => [p.id, saved[p.id] ? 1 : 0])),
  }));
  const save = () =>
    storage.setItem(
      likedKey(catalog.shop.id),
      JSON.stringify(Object.keys(store.getState().liked).filter((id) => store.getState().liked[id])),
    );
  const setCount = (productId: string, count: number) => store.setState((s) => ({ counts: { ...s.counts, [productId]: count } }));

  // Cards ask one by one as they render; one request per tick, 100 ids at most each.
  const wanted = new Set<string>();
  const asked = new Set<string>();
  let flushing = false;
  const flush = async () => {
    flushing = false;
    const ids = [...wanted].slice(0, 100);
    ids.forEach((id) => (wanted.delete(id), asked.add(id)));
    if (wanted.size) schedule();
    try {
      const url = `${endpoint}?ids=${ids.map(encodeURIComponent).join(',')}&shopper=${shopper}`;
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as Partial<LikesResponse>;
      const liked = new Set(body.liked ?? []);
      store.setState((s) => ({
        counts: { ...s.counts, ...body.counts },
        // The server knows what this shopper liked on other devices' sessions of the same id.
        liked: { ...s.liked, ...Object.fromEntries(ids.filter((id) => liked.has(id)).map((id) => [id, true])) },
      }));
    } catch (error) {
      console.warn('[fanshop] could not read like counts:', error);
    }
  };
  const schedule = () => {
    if (flushing) return;
    flushing = true;
    setTimeout(() => void flush(), 0);
  };

  // The grid sorts by the counts (Most liked): it reads them from the shop's store.
  store.subscribe((s) => shop.store.setState({ likes: s.counts }));
  shop.store.setState({ likes: store.getState().counts });
  const want = (productId: string) => {
    if (!endpoint || asked.has(productId) || wanted.has(productId)) return;
    wanted.add(productId);
    schedule();
  };
  return {
    store,
    want,
    wantAll: () => catalog.products.forEach((p) => want(p.id)),
    toggle(product) {
      const { liked, counts } = store.getState();
      const nowLiked = !liked[product.id];
      const before = counts[product.id] ?? 0;
      const count = Math.max(0, before + (nowLiked ? 1 : -1));
      store.setState({ liked: { ...liked, [product.id]: nowLiked }, counts: { ...counts, [product.id]: count } });
      save();
      const currency = catalog.shop.currency;
      const payload = { productId: product.id, count, value: toMajorUnits(money(product.price, currency)), currency };
      shop.events.emit(nowLiked ? 'like' : 'unlike', payload);
      if (!endpoint) return;
      void fetch(`${endpoint}/${encodeURIComponent(product.id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'omit',
        body: JSON.stringify({ shopper, liked: nowLiked } satisfies LikeRequestBody),
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const body = (await response.json()) as Partial<LikeResponse>;
          if (typeof body.count === 'number') setCount(product.id, body.count);
        })
        .catch((error: unknown) => {
          // Not saved: put it back as it was, and say so.
          console.warn('[fanshop] could not save a like:', error);
          store.setState((s) => ({ liked: { ...s.liked, [product.id]: !nowLiked }, counts: { ...s.counts, [product.id]: before } }));
          save();
          void shop.more.load().then((t) => announce(shop.store, t.likeFailed));
        });
    },
  };
}

function readLiked(text: string | null): Record<string, boolean> {
  try {
    const ids: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(ids) ? Object.fromEntries(ids.filter((id): id is string => typeof id === 'string').map((id) => [id, true])) : {};
  } catch {
    return {};
  }
}
