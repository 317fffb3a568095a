import { EVENTS_MAX_BATCH, type EventsRequestBody, type ShopEventInput } from '../../core/api/events';

/** At most one batch every this many milliseconds, but for the page going away. */
export const BEACON_INTERVAL_MS = 5000;

/** How a batch leaves: `navigator.sendBeacon`, or a `keepalive` fetch where that refuses it. */
export type SendBatch = (url: string, body: string) => void;

export const sendBatch: SendBatch = (url, body) => {
  // text/plain: a type a beacon may carry to another origin without a CORS preflight.
  // https://w3c.github.io/beacon/#sec-processing-model
  const sent = typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
  if (!sent) void fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }).catch(() => {});
};

export interface Beacon {
  /** Queues a record; it leaves with the next batch. */
  add(record: ShopEventInput): void;
  /** Sends what is queued now (the page is being hidden or left). */
  flush(): void;
}

/**
 * A queue of event records that leaves in batches: BEACON_INTERVAL_MS after the first record
 * of a batch, so at most one request every interval, and at once when `flush` is called (the
 * page is hidden or left: the last chance to send). A batch holds at most EVENTS_MAX_BATCH
 * records; more leave as further batches of the same flush.
 */
export function createBeacon(url: string, shopper: string, send: SendBatch = sendBatch, interval = BEACON_INTERVAL_MS): Beacon {
  let queue: ShopEventInput[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length) {
      const events = queue.slice(0, EVENTS_MAX_BATCH);
      queue = queue.slice(EVENTS_MAX_BATCH);
      send(url, JSON.stringify({ shopper, events } satisfies EventsRequestBody));
    }
  };
  return {
    add(record) {
      queue.push(record);
      timer ??= setTimeout(flush, interval);
    },
    flush,
  };
}
