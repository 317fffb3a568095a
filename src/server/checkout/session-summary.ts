import type Stripe from 'stripe';
import type { CheckoutSessionSummary } from '../../core/api/checkout';
import { cartIds } from './cart-metadata';

/** What a returning shopper's confirmation shows: nothing else of the session leaves the server. */
export async function sessionSummary(stripe: Stripe, id: string): Promise<CheckoutSessionSummary> {
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
