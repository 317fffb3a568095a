import { completedSession, expiredSession, sessionEvent, type CollectedDetails, type EventRequest, type WireEvent, type WireLineItem, type WireSession } from './objects';
import type { PricedLine } from './params';

/**
 * In-memory state: Checkout Sessions with their line items, and the idempotency keys of the
 * last 24 hours. A restart forgets everything, as a local test-mode stand-in should.
 */

export interface StoredSession {
  session: WireSession;
  lineItems: WireLineItem[];
  /** The lines as requested, for what the API objects do not carry (product images). */
  lines: PricedLine[];
}

/**
 * Sessions by id. Every change of status is an event, handed to `emit` as it happens (Stripe
 * sends `checkout.session.completed` and `checkout.session.expired`). Expiry is applied with
 * the injected clock when a session is read, or to all at once by `expireDue()`.
 */
export class SessionStore {
  readonly #sessions = new Map<string, StoredSession>();
  readonly #now: () => number;
  readonly #emit: (event: WireEvent) => void;

  constructor(now: () => number, emit: (event: WireEvent) => void = () => {}) {
    this.#now = now;
    this.#emit = emit;
  }

  add(session: WireSession, lineItems: WireLineItem[], lines: PricedLine[]): void {
    this.#sessions.set(session.id, { session, lineItems, lines });
  }

  /** The session as Stripe would return it now (an open session past `expires_at` is `expired`). */
  get(id: string): StoredSession | undefined {
    const stored = this.#sessions.get(id);
    if (stored && this.#due(stored)) this.#expire(stored, stored.session.expires_at);
    return stored;
  }

  /** Every session, newest first (for the main server's logs and tests). */
  list(): WireSession[] {
    return [...this.#sessions.keys()].map((id) => this.get(id)!.session).reverse();
  }

  /**
   * Marks an open session paid. Returns the completed session, or null when it was not open
   * (already paid in another tab, or expired), so a double submit never pays twice.
   */
  complete(id: string, details: CollectedDetails): WireSession | null {
    const stored = this.get(id);
    if (!stored || stored.session.status !== 'open') return null;
    stored.session = completedSession(stored.session, details);
    this.#emit(sessionEvent('checkout.session.completed', stored.session, this.#seconds()));
    return stored.session;
  }

  /** `POST …/expire`: expires an open session now. Null when it is not open (or not there). */
  expire(id: string, request: EventRequest): WireSession | null {
    const stored = this.get(id);
    if (!stored || stored.session.status !== 'open') return null;
    return this.#expire(stored, this.#seconds(), request);
  }

  /** Expires every open session whose `expires_at` has passed, in the order they ran out. */
  expireDue(): void {
    const due = [...this.#sessions.values()].filter((stored) => this.#due(stored));
    for (const stored of due.sort((a, b) => a.session.expires_at - b.session.expires_at)) this.#expire(stored, stored.session.expires_at);
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  #due(stored: StoredSession): boolean {
    return stored.session.status === 'open' && this.#seconds() >= stored.session.expires_at;
  }

  /** The event is dated when the session expired: now, or at `expires_at` however late the clock noticed. */
  #expire(stored: StoredSession, at: number, request?: EventRequest): WireSession {
    stored.session = expiredSession(stored.session);
    this.#emit(sessionEvent('checkout.session.expired', stored.session, at, request));
    return stored.session;
  }
}

/** A response as first sent, replayed byte for byte. */
export interface RecordedResponse {
  status: number;
  body: string;
  requestId: string;
}

export type IdempotencyCheck =
  | { kind: 'new' }
  | { kind: 'replay'; response: RecordedResponse }
  | { kind: 'different_parameters' }
  | { kind: 'different_endpoint'; firstEndpoint: string };

interface Entry {
  endpoint: string;
  fingerprint: string;
  response: RecordedResponse;
  savedAt: number;
}

/**
 * Stripe's idempotency: the first result for a key is saved and every retry with the same key
 * gets it back; the same key with other parameters or on another endpoint is an error. Keys
 * expire after 24 hours, and requests that fail validation save nothing (callers record only
 * after validation). https://docs.stripe.com/api/idempotent_requests
 */
export class IdempotencyStore {
  static readonly TTL_MS = 24 * 60 * 60 * 1000;
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  check(key: string, endpoint: string, fingerprint: string): IdempotencyCheck {
    const entry = this.#entries.get(key);
    if (!entry || this.#now() - entry.savedAt > IdempotencyStore.TTL_MS) return { kind: 'new' };
    if (entry.endpoint !== endpoint) return { kind: 'different_endpoint', firstEndpoint: entry.endpoint };
    if (entry.fingerprint !== fingerprint) return { kind: 'different_parameters' };
    return { kind: 'replay', response: entry.response };
  }

  record(key: string, endpoint: string, fingerprint: string, response: RecordedResponse): void {
    const now = this.#now();
    // Oldest first (a Map keeps insertion order), so the sweep stops at the first live key
    // instead of walking every key of the last 24 hours on each request.
    for (const [old, entry] of this.#entries) {
      if (now - entry.savedAt <= IdempotencyStore.TTL_MS) break;
      this.#entries.delete(old);
    }
    this.#entries.set(key, { endpoint, fingerprint, response, savedAt: now });
  }
}

/**
 * The parameters of a request in a canonical form: Stripe compares parameters, not bytes, so
 * `a=1&b=2` and `b=2&a=1` are the same request.
 */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
