import * as v from 'valibot';
import { EVENT_MAX_PRODUCTS, EVENT_QUERY_MAX, EVENTS_MAX_BATCH, SHOP_EVENT_TYPES } from './events';

/**
 * The check of `POST /api/events`' body (core/api/events.ts has its shape): apart from it, so
 * that the widget's beacon, which needs only the shape, does not load valibot.
 */

/** The random id the widget keeps for an anonymous shopper (as likes take it). */
export const ShopperId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be the widget’s anonymous shopper id'));

const ProductId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const ShopEventSchema = v.strictObject({
  type: v.picklist(SHOP_EVENT_TYPES, `must be one of ${SHOP_EVENT_TYPES.join(', ')}`),
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  productIds: v.optional(v.pipe(v.array(ProductId), v.maxLength(EVENT_MAX_PRODUCTS))),
  query: v.optional(v.pipe(v.string(), v.maxLength(EVENT_QUERY_MAX * 4))),
  results: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/**
 * The body of `POST /api/events`. Strict: a field the widget never sends (an email, a name) is
 * refused, not silently dropped, so a change that would send one fails its tests.
 */
export const EventsRequestSchema = v.strictObject({
  shopper: ShopperId,
  events: v.pipe(v.array(ShopEventSchema), v.minLength(1, 'must hold at least one event'), v.maxLength(EVENTS_MAX_BATCH, `must hold at most ${EVENTS_MAX_BATCH} events`)),
});
