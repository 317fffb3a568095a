import type { LikesStore } from '../../likes/store';
import type { OrderStore } from '../../orders/order';
import type { StockStore } from '../../stock/store';
import type { DataStores } from '../stores';
import type { ReviewStore } from '../../reviews/store';
import type { WishStore } from '../../wishes/store';
import type { RecommendationStore } from '../../recommendations/store';
import type { EventStore } from '../../events/store';

/**
 * What the shop's Durable Object answers over RPC (fanshop-data.ts): every operation of the
 * stores, with the same arguments and answers. Dates and plain objects cross as structured
 * clones.
 */
export type ShopData = LikesStore & OrderStore & StockStore & ReviewStore & WishStore & RecommendationStore & EventStore;

/**
 * The parts of the `FANSHOP_DATA` Durable Object namespace binding used here (wrangler.jsonc
 * `durable_objects`), typed here so that code shared with Node needs no Workers types.
 */
export interface FanshopDataNamespace<Id = unknown> {
  idFromName(name: string): Id;
  get(id: Id): ShopData;
}

/**
 * The stores of data/stores.ts in one Durable Object per shop (`idFromName('shop')`): one
 * SQLite database, and one thread that runs each call to its end before the next, which is
 * what makes counts and stock exact on Workers. A stub per call: a stub belongs to the request
 * that made it (the app outlives requests), and a stub that saw an error stays broken.
 */
export function durableObjectStores<Id>(namespace: FanshopDataNamespace<Id>): DataStores {
  const shop = () => namespace.get(namespace.idFromName('shop'));
  return {
    likes: {
      setLike: (productId, shopper, liked) => shop().setLike(productId, shopper, liked),
      counts: (productIds) => shop().counts(productIds),
      likedBy: (shopper, productIds) => shop().likedBy(shopper, productIds),
    },
    orders: {
      saveOrder: (order) => shop().saveOrder(order),
      getOrder: (id) => shop().getOrder(id),
      listOrders: () => shop().listOrders(),
      markEventProcessed: (eventId) => shop().markEventProcessed(eventId),
      hasProcessedEvent: (eventId) => shop().hasProcessedEvent(eventId),
    },
    stock: {
      available: (items, now) => shop().available(items, now),
      taken: (now) => shop().taken(now),
      reserve: (key, lines, expiresAt, now) => shop().reserve(key, lines, expiresAt, now),
      release: (reservationId) => shop().release(reservationId),
      sell: (reservationId, now) => shop().sell(reservationId, now),
    },
    reviews: {
      createReview: (review) => shop().createReview(review),
      getReview: (orderId, productId) => shop().getReview(orderId, productId),
      updateReview: (orderId, productId, changes, options) => shop().updateReview(orderId, productId, changes, options),
      setReviewStatus: (id, status) => shop().setReviewStatus(id, status),
      listReviews: (productId, query) => shop().listReviews(productId, query),
      reviewAggregates: (productIds) => shop().reviewAggregates(productIds),
      publishedRatings: () => shop().publishedRatings(),
      allReviews: (statuses) => shop().allReviews(statuses),
    },
    wishes: {
      addWish: (wish) => shop().addWish(wish),
      getWish: (id) => shop().getWish(id),
      removeWish: (id) => shop().removeWish(id),
      wishCounts: () => shop().wishCounts(),
      listWishes: (productId) => shop().listWishes(productId),
      pendingWishTargets: () => shop().pendingWishTargets(),
      claimWishes: (target, now) => shop().claimWishes(target, now),
    },
    recommendations: {
      alsoLiked: (productId, limit) => shop().alsoLiked(productId, limit),
      boughtTogether: (productId, limit) => shop().boughtTogether(productId, limit),
    },
    events: {
      recordEvents: (batch) => shop().recordEvents(batch),
      eventCounts: (from, to) => shop().eventCounts(from, to),
      zeroResultSearches: (from, to, limit) => shop().zeroResultSearches(from, to, limit),
    },
    // The runtime owns the object: nothing to close.
    close: async () => {},
  };
}
