import type Stripe from 'stripe';
import { newId } from './ids';
import type { CreateSessionParams, PricedLine } from './params';

/**
 * Stripe's JSON objects, shaped like the published fixtures (`checkout.session`, `price`,
 * `event` in Stripe's OpenAPI `fixtures3.json`) and typed with stripe-node's own interfaces, so
 * the compiler holds every field to what the SDK expects. Values are what a real test-mode
 * session without discounts, tax or shipping rates has: the optional features it does not use
 * are `null` there too. https://docs.stripe.com/api/checkout/sessions/object
 */

/** The API version this stand-in speaks: the one stripe-node 23.1 pins. */
export const API_VERSION = '2026-10-28.endive';

/** On the wire decimals are strings; stripe-node 23 turns them into its `Decimal` class. */
export type WirePrice = Omit<Stripe.Price, 'unit_amount_decimal'> & { unit_amount_decimal: string | null };
export type WireLineItem = Omit<Stripe.LineItem, 'price'> & { price: WirePrice };
export type WireLineItemList = Omit<Stripe.ApiList<WireLineItem>, never>;
export type WireSession = Omit<Stripe.Checkout.Session, 'line_items'> & { line_items?: WireLineItemList };
export type WireEvent = Omit<Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionExpiredEvent, 'data'> & { data: { object: WireSession } };

/** Where the shopper's browser reaches the pay page, e.g. `http://localhost:8787/_stripe`. */
export const payPageUrl = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/c/pay/${id}`;

export function newCheckoutSession(input: { params: CreateSessionParams; created: number; publicUrl: string }): WireSession {
  const { params } = input;
  const id = newId.checkoutSession();
  const total = params.lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0);
  const embedded = params.ui_mode === 'embedded_page';
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: params.allow_promotion_codes ?? null,
    // New on Checkout Sessions with stripe-node 23.0 (after the fixture was published).
    allowed_payment_method_types: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: params.cancel_url ?? null,
    client_reference_id: params.client_reference_id ?? null,
    client_secret: embedded ? newId.clientSecret(id) : null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: params.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: params.customer_email ?? null,
    discounts: [],
    expires_at: params.expires_at,
    integration_identifier: null,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null },
    },
    livemode: false,
    locale: (params.locale as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: { enabled: false },
    metadata: params.metadata,
    mode: params.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    // Only embedded sessions have these two, as on Stripe.
    ...(embedded ? { redirect_on_completion: params.redirect_on_completion ?? 'always' } : {}),
    ...(embedded && params.return_url ? { return_url: params.return_url } : {}),
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: params.shipping_address_collection
      ? { allowed_countries: params.shipping_address_collection.allowed_countries as Stripe.Checkout.Session.ShippingAddressCollection.AllowedCountry[] }
      : null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: params.success_url ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: params.ui_mode,
    url: embedded ? null : payPageUrl(input.publicUrl, id),
    wallet_options: null,
  };
}

/** The session's line items as Stripe lists them: one `item` per line with an inline `price`. */
export function newLineItems(lines: readonly PricedLine[], created: number): WireLineItem[] {
  return lines.map((line) => {
    const amount = line.unit_amount * line.quantity;
    return {
      id: newId.lineItem(),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: line.currency,
      description: line.product.name,
      metadata: {},
      price: newPrice(line, created),
      quantity: line.quantity,
    };
  });
}

/** Prices made from `price_data` are inactive one-off prices of a new product. */
function newPrice(line: PricedLine, created: number): WirePrice {
  return {
    id: line.price ?? newId.price(),
    object: 'price',
    active: line.price !== undefined,
    billing_scheme: 'per_unit',
    created,
    currency: line.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: newId.product(),
    recurring: null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: 'one_time',
    unit_amount: line.unit_amount,
    unit_amount_decimal: String(line.unit_amount),
  };
}

/**
 * A page of line items with Stripe's cursor pagination (`limit`, `starting_after`,
 * `ending_before`). https://docs.stripe.com/api/pagination
 */
export function lineItemList(
  sessionId: string,
  items: readonly WireLineItem[],
  page: { limit?: number; starting_after?: string; ending_before?: string } = {},
): WireLineItemList | { missingCursor: string } {
  const limit = page.limit ?? 10;
  let from = 0;
  let to: number;
  if (page.starting_after !== undefined) {
    const at = items.findIndex((item) => item.id === page.starting_after);
    if (at === -1) return { missingCursor: page.starting_after };
    from = at + 1;
    to = Math.min(items.length, from + limit);
  } else if (page.ending_before !== undefined) {
    const at = items.findIndex((item) => item.id === page.ending_before);
    if (at === -1) return { missingCursor: page.ending_before };
    to = at;
    from = Math.max(0, to - limit);
  } else {
    to = Math.min(items.length, limit);
  }
  const hasMore = page.ending_before !== undefined ? from > 0 : to < items.length;
  return { object: 'list', data: items.slice(from, to), has_more: hasMore, url: `/v1/checkout/sessions/${sessionId}/line_items` };
}

/** What the shopper typed on the pay page, as Stripe records it on the session. */
export interface CollectedDetails {
  email: string;
  shipping?: { name: string; address: Stripe.Address };
}

/** The session after a successful payment: `complete`, `paid`, the customer's details filled in. */
export function completedSession(session: WireSession, details: CollectedDetails): WireSession {
  const emptyAddress: Stripe.Address = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
  return {
    ...session,
    collected_information: {
      business_name: null,
      individual_name: null,
      shipping_details: details.shipping ? { address: details.shipping.address, name: details.shipping.name } : null,
    },
    customer_details: {
      address: details.shipping?.address ?? emptyAddress,
      business_name: null,
      email: details.email,
      individual_name: null,
      name: details.shipping?.name ?? null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
    payment_intent: newId.paymentIntent(),
    payment_status: 'paid',
    status: 'complete',
    // "This value is only present when the session is active."
    url: null,
  };
}

/** A session past `expires_at`: Stripe marks it `expired` and drops its URL. */
export const expiredSession = (session: WireSession): WireSession => ({ ...session, status: 'expired', url: null });

/** The API request behind an event; both null when no request caused it (a payment, the clock). */
export type EventRequest = NonNullable<WireEvent['request']>;

/**
 * `checkout.session.completed` or `checkout.session.expired`, shaped like the fixture event.
 * https://docs.stripe.com/api/events/object
 */
export function sessionEvent(type: WireEvent['type'], session: WireSession, created: number, request: EventRequest = { id: null, idempotency_key: null }): WireEvent {
  return {
    id: newId.event(),
    object: 'event',
    api_version: API_VERSION,
    created,
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request,
    type,
  };
}
