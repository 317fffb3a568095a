import type Stripe from 'stripe';
import type { CheckoutSessionSummary } from '../../core/api/checkout';
import { cartIds } from './cart-metadata';
import { reviewInvitation } from '../reviews/invitation';
import type { ReviewTokens } from '../reviews/token';

/**
 * What a returning shopper's confirmation shows: nothing else of the session leaves the server.
 * A paid session also gets its review token (reviews/invitation.ts) when `reviewTokens` is set:
 * the same token the `onOrder` hook gets, as both are made from the session's creation time.
 */
export async function sessionSummary(stripe: Stripe, id: string, reviewTokens?: ReviewTokens): Promise<CheckoutSessionSummary> {
  const [session, items] = await Promise.all([stripe.checkout.sessions.retrieve(id), stripe.checkout.sessions.listLineItems(id, { limit: 100 })]);
  const ids = cartIds(session.metadata);
  const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
  const lines = items.data.map((item, index) => {
    const [productId = null, variantId = null] = ids[index] ?? [];
    return { productId, variantId, title: item.description ?? '', quantity: item.quantity ?? 1 };
  });
  const review = paid && reviewTokens ? await reviewInvitation(reviewTokens, { id: session.id, paidAt: new Date(session.created * 1000), lines }) : undefined;
  return {
    status: session.status,
    paid,
    total: session.amount_total,
    currency: session.currency ? session.currency.toUpperCase() : null,
    lines,
    ...(review ? { review } : {}),
  };
}
