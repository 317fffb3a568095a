import type Stripe from 'stripe';
import { cartIds } from './cart-metadata';

/** What a returning shopper's confirmation shows: nothing else of the session leaves the server. */
export interface SessionSummary {
  /** Stripe's `status`: `open`, `complete` or `expired`. */
  readonly status: string | null;
  readonly paid: boolean;
  /** Minor units. */
  readonly total: number | null;
  readonly currency: string | null;
  /** Product and variant ids (the catalog's, for the Purchase event's `contents`), titles, quantities. */
  readonly lines: readonly { readonly productId: string | null; readonly variantId: string | null; readonly title: string; readonly quantity: number }[];
}

export async function sessionSummary(stripe: Stripe, id: string): Promise<SessionSummary> {
  const [session, items] = await Promise.all([stripe.checkout.sessions.retrieve(id), stripe.checkout.sessions.listLineItems(id, { limit: 100 })]);
  const ids = cartIds(session.metadata);
  return {
    status: session.status,
    paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
    total: session.amount_total,
    currency: session.currency ? session.currency.toUpperCase() : null,
    lines: items.data.map((item, index) => {
      const [productId = null, variantId = null] = ids[index] ?? [];
      return { productId, variantId, title: item.description ?? '', quantity: item.quantity ?? 1 };
    }),
  };
}
