import { normalSearchText, type EventsRequestBody } from '../../core/api/events';
import type { StoredEvent } from './store';

/** How far back a widget's clock may date an event: a batch waits seconds, not hours. */
export const EVENT_MAX_AGE_MS = 10 * 60_000;

/**
 * A checked batch as the rows the store keeps: one per product the catalog knows (ids it does
 * not know are left out, so the store cannot be filled with made-up ids; an event left with no
 * product is dropped), a search's text normalised (an empty one dropped), and each time kept
 * within [now - EVENT_MAX_AGE_MS, now] (a shopper's clock may be wrong).
 */
export function storedEvents(body: EventsRequestBody, known: (productId: string) => boolean, now: Date): StoredEvent[] {
  const latest = now.getTime();
  const earliest = latest - EVENT_MAX_AGE_MS;
  const rows: StoredEvent[] = [];
  for (const event of body.events) {
    const at = new Date(Math.min(latest, Math.max(earliest, event.at)));
    const base = { at, type: event.type, shopper: body.shopper, query: null, results: null };
    if (event.type === 'search') {
      const query = normalSearchText(event.query ?? '');
      if (query) rows.push({ ...base, productId: null, query, results: event.results ?? null });
      continue;
    }
    for (const productId of new Set(event.productIds ?? [])) if (known(productId)) rows.push({ ...base, productId });
  }
  return rows;
}
