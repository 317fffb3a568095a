import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReviewAggregate } from '../../core/api/reviews';
import { MAX_REVIEW_IDS } from '../../core/api/reviews';
import type { Shop } from '../shop/context';
import { widgetOrigin } from '../shop/boot';
import { reviewAggregates, reviewsEndpoint } from './api';

/** A product's stars on its card: average and count of its published reviews. */
export type CardRating = Pick<ReviewAggregate, 'average' | 'count'>;

export interface Ratings {
  /** Ratings by product id, as far as asked and answered. */
  readonly store: StoreApi<Readonly<Record<string, CardRating>>>;
  /** Asks for a product's rating, batched with every other card's in the same tick. */
  want(productId: string): void;
  /** Takes a newer aggregate (the product view's list had one). */
  set(productId: string, rating: CardRating): void;
  /** Asks again (the shopper just wrote a review of it). */
  refresh(productId: string): void;
}

const clients = new WeakMap<Shop, Ratings>();

/**
 * The ratings the cards show (★ 4.6 (23)), read from `GET /api/reviews?ids=` after the grid's
 * first paint, a tick's cards in one request. Only a shop with a Fanshop server has reviews.
 */
export function ratingsFor(shop: Shop): Ratings {
  let client = clients.get(shop);
  if (!client) {
    const { served } = shop.store.getState();
    const endpoint = served || shop.config.checkoutUrl ? reviewsEndpoint(shop.config, widgetOrigin) : null;
    clients.set(shop, (client = createRatings(endpoint)));
  }
  return client;
}

/** `endpoint`: the reviews API, or null for a shop without one (no ratings are asked for). */
export function createRatings(endpoint: string | null, fetchAggregates = reviewAggregates): Ratings {
  const store = createStore<Readonly<Record<string, CardRating>>>()(() => ({}));
  const wanted = new Set<string>();
  const asked = new Set<string>();
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    const ids = [...wanted].slice(0, MAX_REVIEW_IDS);
    ids.forEach((id) => (wanted.delete(id), asked.add(id)));
    if (wanted.size) schedule();
    const answer = await fetchAggregates(endpoint!, ids);
    if (!answer.ok) {
      // Cards show no stars rather than an error; the next time they render they ask again.
      ids.forEach((id) => asked.delete(id));
      console.warn('[fanshop] could not read the ratings:', answer.error);
      return;
    }
    const rated = ids.map((id) => [id, answer.value.aggregates[id]] as const).filter((e): e is readonly [string, ReviewAggregate] => !!e[1]);
    store.setState(Object.fromEntries(rated.map(([id, a]) => [id, { average: a.average, count: a.count }])));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => void flush(), 0);
  };
  const want = (productId: string) => {
    if (!endpoint || asked.has(productId) || wanted.has(productId)) return;
    wanted.add(productId);
    schedule();
  };
  return {
    store,
    want,
    set(productId, rating) {
      asked.add(productId);
      store.setState({ [productId]: { average: rating.average, count: rating.count } });
    },
    refresh(productId) {
      asked.delete(productId);
      want(productId);
    },
  };
}
