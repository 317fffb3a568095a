/**
 * What fans do, as the widget tells its server (`POST /api/events`, server/events/route.ts) and
 * the studio counts it (server/insights/). Nothing personal travels: the anonymous shopper id
 * the likes already use, product ids, and a search's text and result count; never an email, a
 * name, or a review's or a wish's words.
 *
 * The widget sends a batch at most every few seconds with `navigator.sendBeacon` as
 * `text/plain` (a type a beacon may carry to another origin without a preflight); the server
 * takes `application/json` too.
 */
export const SHOP_EVENT_TYPES = ['view', 'add_to_cart', 'begin_checkout', 'purchase', 'search', 'like', 'share', 'wish'] as const;
export type ShopEventType = (typeof SHOP_EVENT_TYPES)[number];

/** The most events in one batch, the longest search text kept, and the most bytes of a body. */
export const EVENTS_MAX_BATCH = 50;
export const EVENT_QUERY_MAX = 100;
export const EVENTS_MAX_BODY_BYTES = 16 * 1024;
/** The most product ids of one event (a checkout of a big cart names each product once). */
export const EVENT_MAX_PRODUCTS = 50;

/** One event in a batch. */
export interface ShopEventInput {
  readonly type: ShopEventType;
  /** When it happened, epoch milliseconds by the shopper's clock (the server keeps it within bounds). */
  readonly at: number;
  /** The products it is about: one for a view, add, like, share or wish; the cart's for checkout and purchase. */
  readonly productIds?: readonly string[];
  /** A search's text, as typed (trimmed; the server lowercases it for counting). */
  readonly query?: string;
  /** How many products a search found. */
  readonly results?: number;
}

export interface EventsRequestBody {
  /** The anonymous shopper id the widget keeps for likes (social/likes.ts). */
  readonly shopper: string;
  readonly events: readonly ShopEventInput[];
}

/** A search's text as it is counted: trimmed, spaces collapsed, lower case, at most EVENT_QUERY_MAX characters. */
export function normalSearchText(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, EVENT_QUERY_MAX);
}
