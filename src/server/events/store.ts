import type { ShopEventType } from '../../core/api/events';

/**
 * One thing a fan did, as the shop keeps it: one row per product an event names (a checkout of
 * three products is three rows), or one with no product (a search). Nothing personal: the
 * anonymous shopper id the likes use, never an email or a name.
 */
export interface StoredEvent {
  /** When it happened (the server keeps the widget's time within bounds: events/route.ts). */
  readonly at: Date;
  readonly type: ShopEventType;
  readonly productId: string | null;
  /** A search's text, normalised (core/api/events.ts `normalSearchText`); null for other events. */
  readonly query: string | null;
  /** How many products a search found; null for other events. */
  readonly results: number | null;
  readonly shopper: string;
}

/** How many events of one type named one product (or none: `productId` null) in a period. */
export interface EventCount {
  readonly type: ShopEventType;
  readonly productId: string | null;
  readonly count: number;
}

/** A search text that found nothing, and how often it was searched in a period. */
export interface ZeroResultSearch {
  readonly query: string;
  readonly count: number;
}

/**
 * Where the widget's events are kept: one of the engines of data/stores.ts. Periods are
 * half-open, [from, to), so that consecutive days never count an event twice.
 */
export interface EventStore {
  /** Appends these events, all or none. */
  recordEvents(events: readonly StoredEvent[]): Promise<void>;
  /**
   * Counts of every type and product in the period except searches, ordered by type, then
   * product id by code point (null, an event without a product, first).
   */
  eventCounts(from: Date, to: Date): Promise<EventCount[]>;
  /**
   * Searches in the period that found nothing, by text: the most searched first, then by text
   * in code point order; at most `limit`.
   */
  zeroResultSearches(from: Date, to: Date, limit: number): Promise<ZeroResultSearch[]>;
}
