/**
 * Webhook delivery the way Stripe does it: the event JSON POSTed to the endpoint with a
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with whsec_…>`
 * header, a fresh timestamp and signature on every attempt, and any non-2xx answer (a redirect
 * too) counted as a failure. https://docs.stripe.com/webhooks#verify-manually
 *
 * Stripe retries for days; a local shop wants to know now, and the shopper is waiting for the
 * redirect, so this tries up to 3 times within about 2 seconds and then logs and gives up.
 * Signing uses Web Crypto, so it runs in Node, Workers and browsers alike.
 */

export interface WebhookEndpoint {
  /** Where the shop listens, e.g. `http://localhost:8787/api/stripe/webhook`; none means "not delivered, logged". */
  url?: string;
  /** The endpoint's signing secret, `whsec_…`. */
  secret: string;
}

export interface DeliveryOptions {
  now: () => number;
  attempts?: number;
  /** The whole delivery, retries included, never takes longer than this. */
  budgetMs?: number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}

export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  status?: number;
}

const LOG_PREFIX = '[fanshop:stripe-local]';

/**
 * The `Stripe-Signature` header for a payload, as `stripe.webhooks.constructEventAsync` verifies it.
 * @example await signatureHeader('{"id":"evt_1"}', 'whsec_test', 1767225600) // "t=1767225600,v1=5f0c…"
 */
export async function signatureHeader(payload: string, secret: string, timestamp: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${payload}`));
  const hex = [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `t=${timestamp},v1=${hex}`;
}

/** POSTs one event (already serialised) to the endpoint with quick retries; never throws. */
export async function deliverEvent(payload: string, endpoint: WebhookEndpoint, options: DeliveryOptions): Promise<DeliveryResult> {
  const log = options.log ?? ((message: string) => console.warn(message));
  const send = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  const budgetMs = options.budgetMs ?? 2000;
  const eventId = /"id":\s*"([^"]+)"/.exec(payload)?.[1] ?? 'event';
  if (!endpoint.url) {
    log(`${LOG_PREFIX} no webhook URL configured; ${eventId} was not delivered`);
    return { delivered: false, attempts: 0 };
  }
  const started = Date.now();
  let lastStatus: number | undefined;
  let lastProblem = 'no time left';
  let made = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const remaining = budgetMs - (Date.now() - started);
    if (remaining <= 0) break;
    made = attempt;
    try {
      const response = await send(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(remaining),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': await signatureHeader(payload, endpoint.secret, Math.floor(options.now() / 1000)),
        },
        body: payload,
      });
      lastStatus = response.status;
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { delivered: true, attempts: attempt, status: response.status };
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt < attempts) await sleep(Math.min(100 * 2 ** (attempt - 1), Math.max(0, budgetMs - (Date.now() - started))));
  }
  log(`${LOG_PREFIX} webhook ${eventId} to ${endpoint.url} failed (${lastProblem}); the shop did not get it`);
  return { delivered: false, attempts: made, ...(lastStatus !== undefined ? { status: lastStatus } : {}) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The events on their way to the endpoint, sent one at a time in the order they happened, so
 * the shop never sees a session's expiry before an earlier payment. `hold()` keeps them back
 * until `flush()`, for tests that play Stripe delivering late.
 *
 * Signatures carry the real time (`Date.now`, not the local Stripe's clock): the shop checks
 * them against its own clock, as it would Stripe's, and a clock moved ahead by a test would
 * otherwise make every event look forged.
 */
export class WebhookQueue {
  readonly #endpoint: WebhookEndpoint;
  readonly #options: Omit<DeliveryOptions, 'now'>;
  readonly #waiting: string[] = [];
  #held = false;
  #sending: Promise<void> = Promise.resolve();

  constructor(endpoint: WebhookEndpoint, options: Omit<DeliveryOptions, 'now'> = {}) {
    this.#endpoint = endpoint;
    this.#options = options;
  }

  /** Queues an event and starts sending; `settled()` tells when it is out. */
  send(event: { id: string }): void {
    this.#waiting.push(JSON.stringify(event, null, 2));
    void this.settled();
  }

  /** Resolves once every event queued so far was delivered or given up on, held ones aside. */
  settled(): Promise<void> {
    // Each call waits for the one before, so two callers never send out of order.
    this.#sending = this.#sending.then(async () => {
      while (!this.#held && this.#waiting.length > 0) {
        await deliverEvent(this.#waiting.shift()!, this.#endpoint, { ...this.#options, now: () => Date.now() });
      }
    });
    return this.#sending;
  }

  hold(): void {
    this.#held = true;
  }

  /** Ends a hold: sends what it kept, oldest first, and what comes meanwhile after it. */
  flush(): Promise<void> {
    this.#held = false;
    return this.settled();
  }
}
