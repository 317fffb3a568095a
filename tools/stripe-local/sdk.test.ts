import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { rejection, shirtAndCap, sdkFor } from './testing';
// Stripe's published example objects (openapi/fixtures3.json of github.com/stripe/openapi, copied into stripe-fixtures.json).
import fixtures from './stripe-fixtures.json';

/**
 * The official stripe-node SDK, unchanged, against the stand-in on an ephemeral port: if these
 * pass, the shop's Stripe code cannot tell the difference for the calls it makes.
 */

let local: StartedLocalStripe;
let stripe: Stripe;

beforeAll(async () => {
  local = await startLocalStripe({
    webhookSecret: 'whsec_sdk_test',
    prices: { price_tour_poster: { unit_amount: 1500, currency: 'eur', product: { name: 'Tour poster' } } },
    log: () => {},
  });
  stripe = sdkFor(local);
});
afterAll(() => local.close());

/** Keys of `ours` and `theirs` agree wherever both are objects (arrays and nulls aside). */
function expectSameShape(ours: unknown, theirs: unknown, path = 'session'): void {
  if (!isObject(ours) || !isObject(theirs)) return;
  expect(Object.keys(ours), path).toEqual(expect.arrayContaining(Object.keys(theirs)));
  for (const key of Object.keys(theirs)) expectSameShape(ours[key], theirs[key], `${path}.${key}`);
}
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

describe('checkout.sessions.create', () => {
  it('returns a hosted_page session with every field of Stripe’s fixture and the cart’s amounts', async () => {
    const session = await stripe.checkout.sessions.create(shirtAndCap());
    expectSameShape(session, fixtures['checkout.session']);
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      ui_mode: 'hosted_page',
      status: 'open',
      payment_status: 'unpaid',
      currency: 'eur',
      amount_subtotal: 6180,
      amount_total: 6180,
      livemode: false,
      locale: 'de',
      metadata: { cart: 'c_42' },
      customer_email: 'fan@example.com',
      client_reference_id: 'order-42',
      allow_promotion_codes: true,
      client_secret: null,
      payment_intent: null,
      shipping_address_collection: { allowed_countries: ['DE', 'AT'] },
      success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
    });
    expect(session.id).toMatch(/^cs_test_a1[0-9A-Za-z]{56}$/);
    expect(session.url).toBe(`${local.url}/c/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(Math.abs(session.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('answers with Stripe’s headers: a request id, the API version and the idempotency key', async () => {
    const session = await stripe.checkout.sessions.create(shirtAndCap(), { idempotencyKey: 'headers-check' });
    expect(session.lastResponse.requestId).toMatch(/^req_[0-9A-Za-z]{14}$/);
    expect(session.lastResponse.apiVersion).toBe(Stripe.API_VERSION);
    expect(session.lastResponse.idempotencyKey).toBe('headers-check');
  });

  it('returns an embedded_page session with a client secret and no URL', async () => {
    const { success_url: _s, cancel_url: _c, ...params } = shirtAndCap();
    const session = await stripe.checkout.sessions.create({ ...params, ui_mode: 'embedded_page', return_url: 'https://shop.example/return?id={CHECKOUT_SESSION_ID}' });
    expect(session.url).toBeNull();
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_\\w+$`));
    expect(session).toMatchObject({ ui_mode: 'embedded_page', return_url: 'https://shop.example/return?id={CHECKOUT_SESSION_ID}', redirect_on_completion: 'always' });
  });

  it('prices a line from a registered price id', async () => {
    const session = await stripe.checkout.sessions.create({ ...shirtAndCap(), line_items: [{ price: 'price_tour_poster', quantity: 3 }] });
    expect(session.amount_total).toBe(4500);
  });

  it('sets expires_at when asked', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 45 * 60;
    expect((await stripe.checkout.sessions.create({ ...shirtAndCap(), expires_at: expiresAt })).expires_at).toBe(expiresAt);
  });

  it('includes the line items when asked to expand them', async () => {
    const session = await stripe.checkout.sessions.create({ ...shirtAndCap(), expand: ['line_items'] });
    expect(session.line_items?.data.map((item) => item.description)).toEqual(['Tour Shirt', 'Cap']);
  });
});

describe('idempotency', () => {
  it('replays the first response for a repeated key and says so in a header', async () => {
    const first = await stripe.checkout.sessions.create(shirtAndCap(), { idempotencyKey: 'order-42-attempt-1' });
    const again = await stripe.checkout.sessions.create(shirtAndCap(), { idempotencyKey: 'order-42-attempt-1' });
    expect(again.id).toBe(first.id);
    expect((again.lastResponse.headers as Record<string, string>)['idempotent-replayed']).toBe('true');
    expect((first.lastResponse.headers as Record<string, string>)['idempotent-replayed']).toBeUndefined();
  });

  it('refuses the same key with different parameters as an idempotency error', async () => {
    await stripe.checkout.sessions.create(shirtAndCap(), { idempotencyKey: 'order-43' });
    const error = await rejection(stripe.checkout.sessions.create({ ...shirtAndCap(), client_reference_id: 'order-44' }, { idempotencyKey: 'order-43' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ type: 'StripeIdempotencyError', rawType: 'idempotency_error', statusCode: 400 });
    expect(error.message).toMatch(/^Keys for idempotent requests can only be used with the same parameters they were first used with\. Try using a key other than 'order-43'/);
  });

  it('lets a key be used again after its first request failed validation', async () => {
    await rejection(stripe.checkout.sessions.create({ ...shirtAndCap(), mode: 'banana' as 'payment' }, { idempotencyKey: 'order-45' }));
    const session = await stripe.checkout.sessions.create(shirtAndCap(), { idempotencyKey: 'order-45' });
    expect(session.status).toBe('open');
  });
});

describe('retrieve and listLineItems', () => {
  it('retrieves the session it created', async () => {
    const created = await stripe.checkout.sessions.create(shirtAndCap());
    const { lastResponse: _a, ...retrieved } = await stripe.checkout.sessions.retrieve(created.id);
    const { lastResponse: _b, ...original } = created;
    expect(retrieved).toEqual(original);
  });

  it('answers resource_missing for an unknown session', async () => {
    const error = await rejection(stripe.checkout.sessions.retrieve('cs_test_missing'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_missing'" });
  });

  it('lists the line items with prices shaped like Stripe’s price fixture', async () => {
    const session = await stripe.checkout.sessions.create(shirtAndCap());
    const list = await stripe.checkout.sessions.listLineItems(session.id);
    expect(list).toMatchObject({ object: 'list', has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` });
    expect(list.data).toHaveLength(2);
    const [shirt] = list.data;
    expect(shirt).toMatchObject({ object: 'item', description: 'Tour Shirt', quantity: 2, currency: 'eur', amount_subtotal: 4980, amount_total: 4980 });
    expect(shirt!.id).toMatch(/^li_/);
    expect(Object.keys(shirt!.price!)).toEqual(expect.arrayContaining(Object.keys(fixtures.price)));
    expect(shirt!.price).toMatchObject({ object: 'price', unit_amount: 2490, currency: 'eur', type: 'one_time', recurring: null });
    expect(shirt!.price!.product).toMatch(/^prod_/);
  });

  it('pages through line items with limit and starting_after', async () => {
    const session = await stripe.checkout.sessions.create(shirtAndCap());
    const first = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(first.has_more).toBe(true);
    const rest = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1, starting_after: first.data[0]!.id });
    expect(rest.data[0]!.description).toBe('Cap');
    expect(rest.has_more).toBe(false);
    const all = await stripe.checkout.sessions.listLineItems(session.id).autoPagingToArray({ limit: 10 });
    expect(all).toHaveLength(2);
  });

  it('refuses an unknown list parameter', async () => {
    const session = await stripe.checkout.sessions.create(shirtAndCap());
    const error = await rejection(stripe.checkout.sessions.listLineItems(session.id, { colour: 'red' } as Stripe.Checkout.SessionListLineItemsParams));
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });
});

describe('expire', () => {
  it('expires an open session: status expired, no URL, every field of Stripe’s fixture', async () => {
    const created = await stripe.checkout.sessions.create(shirtAndCap());
    const expired = await stripe.checkout.sessions.expire(created.id);
    expectSameShape(expired, fixtures['checkout.session']);
    expect(expired).toMatchObject({ id: created.id, status: 'expired', url: null, payment_status: 'unpaid', expires_at: created.expires_at });
    expect((await stripe.checkout.sessions.retrieve(created.id)).status).toBe('expired');
  });

  it('refuses a session that is no longer open with StripeInvalidRequestError', async () => {
    const { id } = await stripe.checkout.sessions.create(shirtAndCap());
    await stripe.checkout.sessions.expire(id);
    const error = await rejection(stripe.checkout.sessions.expire(id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      message: 'Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of `expired`.',
      code: undefined,
      param: undefined,
    });
  });

  it('answers resource_missing for an unknown session', async () => {
    expect(await rejection(stripe.checkout.sessions.expire('cs_test_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
