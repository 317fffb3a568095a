import type Stripe from 'stripe';
import type { Order } from '../orders/order';
import { cartIds } from '../checkout/cart-metadata';

/**
 * An order from a completed Checkout Session and its line items. Product and variant ids come
 * from the session's metadata (checkout/cart-metadata.ts), in line item order.
 */
export function orderFromSession(session: Stripe.Checkout.Session, items: readonly Stripe.LineItem[], oversold = false): Order {
  const shipping = session.collected_information?.shipping_details ?? null;
  const address = shipping?.address ?? session.customer_details?.address ?? null;
  const ids = cartIds(session.metadata);
  return {
    id: session.id,
    createdAt: new Date(session.created * 1000).toISOString(),
    livemode: session.livemode,
    currency: (session.currency ?? '').toUpperCase(),
    amountSubtotal: session.amount_subtotal ?? 0,
    amountTotal: session.amount_total ?? 0,
    customerEmail: session.customer_details?.email ?? session.customer_email ?? null,
    shippingAddress: address
      ? {
          name: shipping?.name ?? session.customer_details?.name ?? null,
          line1: address.line1 ?? null,
          line2: address.line2 ?? null,
          postalCode: address.postal_code ?? null,
          city: address.city ?? null,
          state: address.state ?? null,
          country: address.country ?? null,
        }
      : null,
    lines: items.map((item, index) => ({
      productId: ids[index]?.[0] ?? null,
      variantId: ids[index]?.[1] ?? null,
      title: item.description ?? '',
      quantity: item.quantity ?? 1,
      amountTotal: item.amount_total,
    })),
    paymentIntent: typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
    oversold,
  };
}
