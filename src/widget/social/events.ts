import type { RecommendationSource } from '../../core/api/recommendations';

/**
 * Events the widget tells the host page about. Each is delivered three ways: the config's
 * `on.<name>` / `onEvent` callbacks, a bubbling, composed DOM CustomEvent `fanshop:<name>` on the
 * host element, and `instance.on(name, handler)`.
 *
 * `value` is in major units (24.9 for €24.90), the convention of GA4 and Meta Pixel; it is
 * computed from integer minor units and is for analytics only.
 */
export interface FanshopItemPayload {
  productId: string;
  variantId: string | null;
  quantity: number;
  value: number;
  currency: string;
}

export interface FanshopCartPayload {
  value: number;
  currency: string;
  items: FanshopItemPayload[];
}

export interface FanshopSearchPayload {
  query: string;
  categoryId: string | null;
  resultCount: number;
}

/** `share`: the shopper shared a product's page (`url`) through `method`. */
export interface FanshopSharePayload {
  productId: string;
  method: 'facebook' | 'whatsapp' | 'copy' | 'native';
  url: string;
}

/** `like` and `unlike`: `count` is the product's like count after the change. */
export interface FanshopLikePayload {
  productId: string;
  count: number;
  value: number;
  currency: string;
}

/**
 * `purchase`: a paid order, told when the shopper is back from Stripe. `transactionId` is the
 * Checkout Session id; the Meta Pixel uses it as the Purchase's eventID, and the server's
 * Conversions API event carries the same id, so Meta counts the order once.
 */
export interface FanshopPurchasePayload extends FanshopCartPayload {
  transactionId: string;
}

/**
 * `review_open`: the review form of a paid order is on screen (from the confirmation's "Rate
 * what you bought" or the merchant's emailed link), with the products the order may review.
 */
export interface FanshopReviewOpenPayload {
  productIds: string[];
}

/**
 * `review_submit`: the server took a review (`change`: a change of one written before). `status`
 * is `published`, or `pending` when the merchant approves reviews first.
 */
export interface FanshopReviewSubmitPayload {
  productId: string;
  variantId: string | null;
  rating: number;
  change: boolean;
  status: 'published' | 'pending' | 'hidden';
}

/**
 * `recommendation_click`: the shopper opened (or added to the cart) a recommended product.
 * `source` is why it was recommended (core/api/recommendations.ts), `from` the row it was in.
 */
export interface FanshopRecommendationPayload {
  productId: string;
  source: RecommendationSource;
  from: 'also_liked' | 'bought_together' | 'cart';
}

/** `wish_submit`: the shopper asked to be told when a product (or variant) can be bought. Never the email. */
export interface FanshopWishPayload {
  productId: string;
  variantId: string | null;
}

export interface FanshopEventPayloads {
  view_item: FanshopItemPayload;
  add_to_cart: FanshopItemPayload;
  remove_from_cart: FanshopItemPayload;
  view_cart: FanshopCartPayload;
  search: FanshopSearchPayload;
  share: FanshopSharePayload;
  like: FanshopLikePayload;
  unlike: FanshopLikePayload;
  /** The shopper pressed Checkout (or Buy now in Payment Links mode). */
  begin_checkout: FanshopCartPayload;
  purchase: FanshopPurchasePayload;
  review_open: FanshopReviewOpenPayload;
  review_submit: FanshopReviewSubmitPayload;
  recommendation_click: FanshopRecommendationPayload;
  wish_submit: FanshopWishPayload;
}

export type FanshopEventName = keyof FanshopEventPayloads;
export type FanshopEventHandler<E extends FanshopEventName> = (payload: FanshopEventPayloads[E]) => void;
export type FanshopEventHandlers = { [E in FanshopEventName]?: FanshopEventHandler<E> };

export interface EventBus {
  emit<E extends FanshopEventName>(name: E, payload: FanshopEventPayloads[E]): void;
  /** Subscribes; returns the function that unsubscribes. */
  on<E extends FanshopEventName>(name: E, handler: FanshopEventHandler<E>): () => void;
}

export function createEventBus(
  host: EventTarget,
  config: { on?: FanshopEventHandlers | undefined; onEvent?: ((name: never, payload: never) => void) | undefined },
  /** Sees every event first (the Meta Pixel, social/pixel.ts). */
  tap?: <E extends FanshopEventName>(name: E, payload: FanshopEventPayloads[E]) => void,
): EventBus {
  const listeners = new Map<FanshopEventName, Set<(payload: unknown) => void>>();
  // A host page's handler that throws must not break the shop.
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      console.error('[fanshop] an event handler threw', error);
    }
  };
  return {
    emit(name, payload) {
      tap?.(name, payload);
      const handler = config.on?.[name] as ((p: unknown) => void) | undefined;
      if (handler) safely(() => handler(payload));
      const onEvent = config.onEvent as ((n: string, p: unknown) => void) | undefined;
      if (onEvent) safely(() => onEvent(name, payload));
      host.dispatchEvent(new CustomEvent(`fanshop:${name}`, { detail: payload, bubbles: true, composed: true }));
      listeners.get(name)?.forEach((fn) => safely(() => fn(payload)));
    },
    on(name, handler) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const fn = handler as (p: unknown) => void;
      set.add(fn);
      return () => set.delete(fn);
    },
  };
}
