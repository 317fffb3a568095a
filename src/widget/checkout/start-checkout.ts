import type { ApiError, ApiErrorBody } from '../../core/api/errors';
import type { CheckoutRequestBody, CheckoutResponse } from '../../core/api/checkout';
import type { CartStore } from '../cart/state';
import type { CartKeeper } from '../cart/keeper';
import type { Handoff } from './handoff';
import { cancelHandoff, completeHandoff } from './handoff';
import type { EmbeddedSession } from './embedded';

/** This page view's id for the server's idempotency key (server/checkout/request.ts); not a secret. */
const attempt = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

const cookie = (name: string) => document.cookie.match(new RegExp(`(?:^|; )${name}=(fb\\.[^;]+)`))?.[1];

export type CheckoutOutcome =
  | { kind: 'redirected' }
  | { kind: 'embedded'; session: EmbeddedSession }
  | { kind: 'link'; url: string }
  /** The server's refusal (`other`: no answer, or one that is not the API's). */
  | { kind: 'error'; code: ApiError['code'] | 'other'; lineIndex: number | undefined; maxQuantity?: unknown };

/**
 * Sends the cart (ids and quantities only: the server prices it) to the checkout endpoint and
 * hands the shopper to the session it answers with: Stripe's page (a URL), or Stripe's embedded
 * form (a client secret) when the server is set up for it and the shop is not framed.
 */
export async function startCheckout(options: { endpoint: string; cart: CartStore; keeper: () => Promise<CartKeeper>; locale: string; handoff: Handoff; win: Window }): Promise<CheckoutOutcome> {
  // Before the cart leaves, the saved cart must be the cart: a cancelled checkout comes back to
  // a new page that has only the saved copy. The restore may also add saved lines to it. (Its
  // wait is bounded; a keeper whose code cannot load is not waited for at all.)
  await options.keeper().then((keeper) => keeper.ready(), () => false);
  const lines = options.cart.getState().lines;
  const returnUrl = new URL(options.win.location.href);
  returnUrl.searchParams.delete('checkout');
  returnUrl.searchParams.delete('session_id');
  let response: Response;
  let answer: unknown;
  // Stripe's embedded form needs the top of the tab; a framed shop gets Stripe's page.
  const embeddable = options.handoff.kind === 'navigate' && options.win.top === options.win;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        lines: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
        locale: options.locale,
        returnUrl: returnUrl.href,
        embeddable,
        attempt,
        // The merchant's Meta Pixel cookies, for the server's Conversions API Purchase.
        fbp: cookie('_fbp'),
        fbc: cookie('_fbc'),
      } satisfies CheckoutRequestBody),
    });
    answer = await response.json();
  } catch {
    cancelHandoff(options.handoff);
    return { kind: 'error', code: 'other', lineIndex: undefined };
  }
  const created = response.ok ? checkoutCreated(answer) : undefined;
  if (created && 'clientSecret' in created && embeddable) {
    const { clientSecret, publishableKey, stripeJs } = created;
    return { kind: 'embedded', session: { clientSecret, publishableKey, ...(stripeJs ? { stripeJs } : {}) } };
  }
  if (!created || !('url' in created)) {
    cancelHandoff(options.handoff);
    const error = (answer as Partial<ApiErrorBody> | null)?.error;
    return { kind: 'error', code: error?.code ?? 'other', lineIndex: error?.lineIndex, maxQuantity: error?.maxQuantity };
  }
  return completeHandoff(options.win, options.handoff, created.url) ? { kind: 'redirected' } : { kind: 'link', url: created.url };
}

/** The server's answer as the API's CheckoutResponse, or undefined when it is not one (a proxy's error page). */
function checkoutCreated(json: unknown): CheckoutResponse | undefined {
  const a = (json ?? {}) as Record<string, unknown>;
  if (typeof a.id !== 'string') return undefined;
  if (typeof a.url === 'string') return { id: a.id, url: a.url };
  if (typeof a.clientSecret !== 'string' || typeof a.publishableKey !== 'string') return undefined;
  return { id: a.id, clientSecret: a.clientSecret, publishableKey: a.publishableKey, ...(typeof a.stripeJs === 'string' ? { stripeJs: a.stripeJs } : {}) };
}
