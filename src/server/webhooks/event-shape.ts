import * as v from 'valibot';
import type Stripe from 'stripe';

/** Stripe's ids are letters, digits and "_"; anything else is not an event of Stripe's. */
const stripeId = (prefix: string) => v.pipe(v.string(), v.maxLength(255), v.regex(new RegExp(`^${prefix}_[\\w-]+$`)));
const unixSeconds = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What the route reads of every event. https://docs.stripe.com/api/events/object */
const Event = v.looseObject({
  id: stripeId('evt'),
  type: v.pipe(v.string(), v.minLength(1)),
  created: unixSeconds,
  data: v.looseObject({ object: v.looseObject({}) }),
});

/**
 * What order-from-session.ts and the Conversions API read of a Checkout Session; the rest
 * (customer details, addresses) is read field by field with null for anything missing.
 * https://docs.stripe.com/api/checkout/sessions/object
 */
const CheckoutSession = v.looseObject({
  id: stripeId('cs'),
  created: unixSeconds,
  livemode: v.boolean(),
  payment_status: v.string(),
  currency: v.nullish(v.string()),
  amount_total: v.nullish(v.pipe(v.number(), v.integer())),
  amount_subtotal: v.nullish(v.pipe(v.number(), v.integer())),
  metadata: v.nullish(v.record(v.string(), v.string())),
});

/** The event types whose `data.object` is a Checkout Session the route turns into an order. */
export const ORDER_EVENTS: ReadonlySet<string> = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

/** The event types after which a session will never be paid: its reservation is released. */
export const RELEASE_EVENTS: ReadonlySet<string> = new Set(['checkout.session.expired', 'checkout.session.async_payment_failed']);

/**
 * A correctly signed event, checked for the fields the route relies on, after the signature
 * check and before anything is stored: Stripe sends well-formed events, so one of another
 * shape is a bug (ours, or an API version we do not know), which no retry mends. Stripe
 * retries any answer but a 2xx; the route answers 400 rather than a 500 or 502 that would
 * read as the shop being down.
 */
export function parseEvent(json: unknown): { ok: true; event: Stripe.Event } | { ok: false; where: string } {
  const event = v.safeParse(Event, json);
  if (!event.success) return { ok: false, where: pathOf(event.issues) };
  if (ORDER_EVENTS.has(event.output.type) || RELEASE_EVENTS.has(event.output.type)) {
    const session = v.safeParse(CheckoutSession, event.output.data.object);
    if (!session.success) return { ok: false, where: `data.object.${pathOf(session.issues)}` };
  }
  return { ok: true, event: event.output as unknown as Stripe.Event };
}

function pathOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  return `${issue?.path?.map((p) => String(p.key)).join('.') || '(the event)'}: ${issue?.message ?? 'invalid'}`;
}
