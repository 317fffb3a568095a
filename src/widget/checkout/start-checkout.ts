import type { CartLine } from '../cart/state';
import type { Handoff } from './handoff';
import { cancelHandoff, completeHandoff } from './handoff';

export type CheckoutOutcome =
  | { kind: 'redirected' }
  | { kind: 'link'; url: string }
  | { kind: 'error'; code: string; lineIndex: number | undefined };

/**
 * Sends the cart (ids and quantities only: the server prices it) to the checkout endpoint and
 * hands the shopper to the session it answers with.
 */
export async function startCheckout(options: { endpoint: string; lines: readonly CartLine[]; locale: string; handoff: Handoff; win: Window }): Promise<CheckoutOutcome> {
  const returnUrl = new URL(options.win.location.href);
  returnUrl.searchParams.delete('checkout');
  returnUrl.searchParams.delete('session_id');
  let response: Response;
  let body: { url?: string; error?: { code?: string; lineIndex?: number } } = {};
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        lines: options.lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
        locale: options.locale,
        returnUrl: returnUrl.href,
      }),
    });
    body = await response.json();
  } catch {
    cancelHandoff(options.handoff);
    return { kind: 'error', code: 'other', lineIndex: undefined };
  }
  if (!response.ok || typeof body.url !== 'string') {
    cancelHandoff(options.handoff);
    return { kind: 'error', code: body.error?.code ?? 'other', lineIndex: body.error?.lineIndex };
  }
  return completeHandoff(options.win, options.handoff, body.url) ? { kind: 'redirected' } : { kind: 'link', url: body.url };
}
