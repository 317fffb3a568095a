import type { ApiErrorBody } from '../../core/api/errors';
import { normalizeEmail } from '../../core/api/wish-email';
import type { WishRequestBody } from '../../core/api/wishes';
import { safeStorage, type KeyValueStorage } from '../cart/persistence';
import type { Messages } from '../i18n/messages';
import type { Shop } from './context';
import { widgetOrigin } from './boot';

/**
 * "Notify me": the shopper's email for a product (or variant) that is sold out or coming soon,
 * sent to `POST /api/wishes` (server/wishes/route.ts) on the server that serves the widget.
 *
 * The server answers a repeat exactly as a first wish, so that nobody learns who is on a list.
 * This device remembers which items it asked for with which address (a hash of it, never the
 * address), only to say kindly "you're already on the list" to the shopper who asks twice.
 */
export type WishError = 'invalid_email' | 'available' | 'gone' | 'rate_limited' | 'unavailable' | 'failed';
export type WishOutcome = { readonly ok: true; readonly again: boolean } | { readonly ok: false; readonly error: WishError };

export interface WishInput {
  readonly productId: string;
  readonly variantId: string | null;
  /** As typed: checked here with the server's own rule (core/api/wish-email.ts) before anything is sent. */
  readonly email: string;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface WishTransport {
  /** Default: `/api/wishes` on the server that serves the widget. */
  readonly endpoint?: string;
  readonly fetch?: Fetch;
  /** Where this device remembers what it asked for. Default: localStorage, or memory where it is blocked. */
  readonly storage?: KeyValueStorage;
}

export async function sendWish(shop: Shop, input: WishInput, transport: WishTransport = {}): Promise<WishOutcome> {
  const { fetch: fetchImpl = fetch, storage = safeStorage(() => window.localStorage) } = transport;
  const email = normalizeEmail(input.email);
  if (!email) return { ok: false, error: 'invalid_email' };
  const body: WishRequestBody = { productId: input.productId, variantId: input.variantId, email, language: shop.locale, consent: true };
  let response: Response;
  try {
    response = await fetchImpl(transport.endpoint ?? new URL('/api/wishes', widgetOrigin).href, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: 'failed' };
  }
  if (!response.ok) return { ok: false, error: await wishError(response) };
  const key = storageKey(shop);
  const hash = await emailMark(email);
  const mark = `${input.productId}/${input.variantId ?? ''}/${hash}`;
  const asked = readAsked(storage.getItem(key));
  const again = hash !== undefined && asked.includes(mark);
  if (hash !== undefined && !again) storage.setItem(key, JSON.stringify([...asked, mark].slice(-100)));
  shop.events.emit('wish_submit', { productId: input.productId, variantId: input.variantId });
  return { ok: true, again };
}

/** What went wrong, from the answer's status and error code (core/api/errors.ts). */
export async function wishError(response: Response): Promise<WishError> {
  let code: string | undefined;
  let fields: readonly string[] = [];
  try {
    const { error } = (await response.json()) as Partial<ApiErrorBody>;
    code = error?.code;
    fields = error?.issues?.map((issue) => issue.path) ?? [];
  } catch {
    code = undefined;
  }
  if (response.status === 400 && fields.includes('email')) return 'invalid_email';
  if (response.status === 429 || code === 'rate_limited') return 'rate_limited';
  if (code === 'product_available') return 'available';
  if (code === 'unknown_product' || code === 'unknown_variant') return 'gone';
  if (code === 'wishes_not_configured') return 'unavailable';
  return 'failed';
}

/** The shopper's sentence for an error. */
export function wishErrorText(t: Messages, error: WishError): string {
  switch (error) {
    case 'invalid_email':
      return t.wishInvalidEmail;
    case 'available':
      return t.wishAvailable;
    case 'gone':
      return t.wishGone;
    case 'rate_limited':
      return t.wishRateLimited;
    case 'unavailable':
      return t.wishUnavailable;
    case 'failed':
      return t.wishFailed;
  }
}

const storageKey = (shop: Shop) => `fanshop:wishes:${shop.store.getState().catalog!.shop.id}`;

function readAsked(text: string | null): string[] {
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** A short SHA-256 of the address as the server keeps it (its local part's case counts): enough to tell "the same email" on this device, not to read it back. */
async function emailMark(email: string): Promise<string | undefined> {
  // Web Crypto is there on https and localhost only; elsewhere nothing is remembered.
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email)));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
