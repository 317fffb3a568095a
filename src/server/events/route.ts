import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { EVENTS_MAX_BODY_BYTES } from '../../core/api/events';
import { EventsRequestSchema } from '../../core/api/events-schema';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse, type ApiError } from '../http/api-error';
import { corsForOrigins } from '../http/cors';
import { jsonBody } from '../http/json-body';
import { fixedWindowLimit } from '../http/rate-limit';
import { storedEvents } from './record';
import type { EventStore } from './store';

export interface EventsOptions {
  /** Where events are kept; null when the merchant turned analytics off (FANSHOP_ANALYTICS=off). */
  readonly store: EventStore | null;
  /** Batches one client may send per minute (FANSHOP_EVENTS_RATE_LIMIT). */
  readonly rateLimitPerMinute: number;
  /** Origins whose pages may send events (CORS), as for likes. */
  readonly allowedOrigins: readonly string[];
  readonly clientAddress: (c: Context) => string;
  /** Milliseconds since the epoch; tests move it. */
  readonly now?: () => number;
}

const fail = (c: Context, error: ApiError) => errorResponse(c, error, { 'Cache-Control': 'no-store' });

/** The catalog's product ids, worked out once per parsed catalog. */
const productIds = new WeakMap<Catalog, Set<string>>();
function knownIds(catalog: Catalog): Set<string> {
  let ids = productIds.get(catalog);
  if (!ids) productIds.set(catalog, (ids = new Set(catalog.products.map((p) => p.id))));
  return ids;
}

/**
 * `POST /api/events` `{ shopper, events: [{ type, at, productIds?, query?, results? }] }` keeps a
 * batch of what a fan did in the widget (core/api/events.ts), for the studio's numbers; 204 when
 * kept. Strict about the shape (a field the widget never sends, such as an email, is 400),
 * lenient about products the catalog no longer has (left out: the catalog may have changed
 * since the page loaded). With FANSHOP_ANALYTICS=off it keeps nothing and says so (403
 * `analytics_off`); the envelope tells the widget, which then sends nothing.
 */
export function eventsRoutes(options: EventsOptions & { readonly catalog: () => Promise<Catalog | null> }): Hono {
  const app = new Hono();
  const limit = fixedWindowLimit(options.rateLimitPerMinute, 60_000);
  app.use('/api/events', corsForOrigins(options.allowedOrigins, { methods: 'POST', refuse: (c) => fail(c, apiError('origin_not_allowed', 'This site may not send the shop’s events.')) }));

  app.post('/api/events', jsonBody({ maxBytes: EVENTS_MAX_BODY_BYTES, what: 'the events', textPlain: true }), async (c) => {
    const { store } = options;
    if (!store) return fail(c, apiError('analytics_off', 'This shop keeps no events (FANSHOP_ANALYTICS=off).'));
    const body = v.safeParse(EventsRequestSchema, c.get('json'));
    if (!body.success) {
      const issue = body.issues[0];
      const where = issue?.path?.map((p) => p.key).join('.') || 'body';
      return fail(c, apiError('invalid_request', `The request is not a batch of events: { "shopper": "<id>", "events": [{ "type", "at", "productIds"?, "query"?, "results"? }] } (${where}: ${issue?.message ?? 'invalid'}).`));
    }
    if (!limit.take(options.clientAddress(c))) {
      c.header('Retry-After', '60');
      return fail(c, apiError('rate_limited', 'Too many batches of events; try again in a minute.'));
    }
    const catalog = await options.catalog();
    if (!catalog) return fail(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
    const ids = knownIds(catalog);
    const rows = storedEvents(body.output, (id) => ids.has(id), new Date(options.now?.() ?? Date.now()));
    try {
      await store.recordEvents(rows);
    } catch (error) {
      console.error('[fanshop] could not store events:', error);
      return fail(c, apiError('events_unavailable', 'The events could not be saved; try again.'));
    }
    return c.body(null, 204, { 'Cache-Control': 'no-store' });
  });
  return app;
}
