import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLocalStripe } from './index';

/**
 * The wire protocol where an SDK would hide it: raw bodies, headers and URLs through
 * `app.request()`, with no network. Also proves the app works mounted under a prefix.
 */

const KEY = 'sk_test_local_api_test';
const local = () => createLocalStripe({ webhookSecret: 'whsec_api_test', publicUrl: 'http://localhost:8787/_stripe', secretKey: KEY, log: () => {} });
const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' };
const body =
  'mode=payment&success_url=https%3A%2F%2Fshop.example%2Fthanks&line_items[0][price_data][currency]=eur' +
  '&line_items[0][price_data][unit_amount]=2490&line_items[0][price_data][product_data][name]=Shirt&line_items[0][quantity]=1';
const create = (app: { request(path: string, init?: RequestInit): Response | Promise<Response> }, text = body, headers: Record<string, string> = auth) =>
  app.request('/v1/checkout/sessions', { method: 'POST', body: text, headers });
const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;

describe('the /v1 API', () => {
  it('creates a session from a raw form body and answers with Stripe’s headers', async () => {
    const res = await create(local().api);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Request-Id')).toMatch(/^req_/);
    expect(res.headers.get('Stripe-Version')).toBe('2026-10-28.endive');
    const session = (await res.json()) as { url: string; id: string };
    expect(session.url).toBe(`http://localhost:8787/_stripe/c/pay/${session.id}`);
  });

  it('sends Stripe’s complete error envelope for an unknown parameter', async () => {
    const res = await create(local().api, `${body}&foo=bar`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'parameter_unknown',
        doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown',
        message: 'Received unknown parameter: foo',
        param: 'foo',
        request_log_url: null,
        type: 'invalid_request_error',
      },
    });
  });

  it('lists several unknown parameters in one message', async () => {
    expect(await errorOf(await create(local().api, `${body}&foo=1&bar=2`))).toMatchObject({ message: 'Received unknown parameters: foo, bar', param: 'foo' });
  });

  it('treats a malformed key as an unknown parameter', async () => {
    expect(await errorOf(await create(local().api, `${body}&metadata[order=1`))).toMatchObject({ code: 'parameter_unknown', param: 'metadata[order' });
  });

  it('refuses line items with a gap in their indices', async () => {
    const gap = body.replaceAll('line_items[0]', 'line_items[1]');
    const error = await errorOf(await create(local().api, gap));
    expect(error).toMatchObject({ type: 'invalid_request_error', param: 'line_items' });
    expect(error.message).toMatch(/^Invalid array/);
  });

  it('refuses a hash where Stripe expects a string', async () => {
    expect(await errorOf(await create(local().api, `${body}&locale[x]=de`))).toMatchObject({ param: 'locale', message: 'Invalid string: {"x":"de"}' });
  });

  it('refuses JSON bodies the way Stripe does', async () => {
    const res = await create(local().api, '{"mode":"payment"}', { ...auth, 'Content-Type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/^Invalid request: unsupported Content-Type application\/json/);
  });

  it('asks for an API key when there is none', async () => {
    const res = await create(local().api, body, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/^You did not provide an API key/);
  });

  it('accepts the key as curl sends it with -u (Basic auth)', async () => {
    const res = await create(local().api, body, { ...auth, Authorization: `Basic ${btoa(`${KEY}:`)}` });
    expect(res.status).toBe(200);
  });

  it('refuses a malformed Stripe-Version and one older than the ui_mode rename', async () => {
    expect(await errorOf(await create(local().api, body, { ...auth, 'Stripe-Version': 'latest' }))).toMatchObject({ message: 'Invalid Stripe API version: latest' });
    const old = await create(local().api, body, { ...auth, 'Stripe-Version': '2025-03-31.basil' });
    expect(old.status).toBe(400);
  });

  it('answers an unknown endpoint with Stripe’s “Unrecognized request URL”', async () => {
    const res = await local().api.request('/v1/customers', { headers: auth });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe('Unrecognized request URL (GET: /v1/customers). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.');
  });

  it('replays an idempotent request with Idempotent-Replayed and the original request id', async () => {
    const app = local().api;
    const headers = { ...auth, 'Idempotency-Key': 'k1' };
    const first = await create(app, body, headers);
    // The same parameters in another order are the same request.
    const reordered = body.split('&').reverse().join('&');
    const again = await create(app, reordered, headers);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('Original-Request')).toBe(first.headers.get('Request-Id'));
    expect(await again.text()).toBe(await first.text());
  });
});

describe('expires_at', () => {
  const t0 = 1_767_225_600;
  const clocked = () => {
    const clock = { now: t0 * 1000 };
    return { clock, app: createLocalStripe({ webhookSecret: 'whsec_api_test', publicUrl: 'http://localhost:8787/_stripe', secretKey: KEY, now: () => clock.now, log: () => {} }).api };
  };
  const expiresAt = async (res: Response) => ((await res.json()) as { expires_at: number }).expires_at;

  it('is 24 hours after creation by default, and may be anything from 30 minutes to 24 hours', async () => {
    const { app } = clocked();
    expect(await expiresAt(await create(app))).toBe(t0 + 24 * 60 * 60);
    expect(await expiresAt(await create(app, `${body}&expires_at=${t0 + 30 * 60}`))).toBe(t0 + 30 * 60);
    expect(await expiresAt(await create(app, `${body}&expires_at=${t0 + 24 * 60 * 60}`))).toBe(t0 + 24 * 60 * 60);
  });

  it('refuses less than 30 minutes or more than 24 hours with Stripe’s messages', async () => {
    const { app } = clocked();
    const soon = await create(app, `${body}&expires_at=${t0 + 30 * 60 - 1}`);
    expect(soon.status).toBe(400);
    expect(await soon.json()).toEqual({
      error: { message: 'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', request_log_url: null, type: 'invalid_request_error' },
    });
    const late = await create(app, `${body}&expires_at=${t0 + 24 * 60 * 60 + 1}`);
    expect(await errorOf(late)).toEqual({
      message: 'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
      request_log_url: null,
      type: 'invalid_request_error',
    });
  });

  it('refuses a timestamp that is not an integer', async () => {
    expect(await errorOf(await create(local().api, `${body}&expires_at=soon`))).toMatchObject({ code: 'parameter_invalid_integer', param: 'expires_at', message: 'Invalid integer: soon' });
  });

  it('replays a create later without checking expires_at again, and refuses the key with another expires_at', async () => {
    const { clock, app } = clocked();
    const headers = { ...auth, 'Idempotency-Key': 'hold-30' };
    const text = `${body}&expires_at=${t0 + 30 * 60}`;
    const first = await create(app, text, headers);
    clock.now += 10 * 60 * 1000;
    // 20 minutes from now: too soon for a new session, but this is the first request again.
    const again = await create(app, text, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
    const other = await create(app, `${body}&expires_at=${t0 + 60 * 60}`, headers);
    expect(other.status).toBe(400);
    expect(await errorOf(other)).toMatchObject({ type: 'idempotency_error' });
    expect((await errorOf(await create(app, text, { ...auth, 'Idempotency-Key': 'hold-30-again' }))).message).toMatch(/at least 30 minutes/);
  });
});

describe('POST /v1/checkout/sessions/:id/expire', () => {
  const expire = (app: ReturnType<typeof local>['api'], id: string, headers: Record<string, string> = auth) => app.request(`/v1/checkout/sessions/${id}/expire`, { method: 'POST', headers });
  const notOpen = (status: string) => ({
    error: { message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${status}\`.`, request_log_url: null, type: 'invalid_request_error' },
  });

  it('expires an open session (url gone), and answers Stripe’s 400 when asked again', async () => {
    const app = local().api;
    const { id } = (await (await create(app)).json()) as { id: string };
    const res = await expire(app, id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, object: 'checkout.session', status: 'expired', url: null, payment_status: 'unpaid' });
    const again = await expire(app, id);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(notOpen('expired'));
  });

  it('refuses to expire a paid session', async () => {
    const stand = local();
    const { id } = (await (await create(stand.api)).json()) as { id: string };
    stand.sessions.complete(id, { email: 'fan@example.com' });
    expect(await (await expire(stand.api, id)).json()).toEqual(notOpen('complete'));
  });

  it('answers resource_missing for an unknown session and parameter_unknown for a parameter it does not take', async () => {
    const app = local().api;
    expect(await errorOf(await expire(app, 'cs_test_missing'))).toMatchObject({ code: 'resource_missing', param: 'session', message: "No such checkout.session: 'cs_test_missing'" });
    const { id } = (await (await create(app)).json()) as { id: string };
    const res = await app.request(`/v1/checkout/sessions/${id}/expire`, { method: 'POST', headers: auth, body: 'reason=sold_out' });
    expect(await errorOf(res)).toMatchObject({ code: 'parameter_unknown', param: 'reason' });
  });

  it('replays an expire with the same Idempotency-Key instead of refusing it, and keeps keys to their endpoint', async () => {
    const app = local().api;
    const { id } = (await (await create(app, body, { ...auth, 'Idempotency-Key': 'cart-7' })).json()) as { id: string };
    const headers = { ...auth, 'Idempotency-Key': 'release-7' };
    const first = await expire(app, id, headers);
    const again = await expire(app, id, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
    const reused = await errorOf(await expire(app, id, { ...auth, 'Idempotency-Key': 'cart-7' }));
    expect(reused).toMatchObject({ type: 'idempotency_error' });
    expect(reused.message).toContain(`('/v1/checkout/sessions' vs '/v1/checkout/sessions/${id}/expire')`);
  });
});

describe('who may use the API', () => {
  it('refuses any other test key, so only the shop’s server (which knows the key) creates or reads sessions', async () => {
    const app = local().api;
    const res = await create(app, body, { ...auth, Authorization: 'Bearer sk_test_anything' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/^Invalid API Key provided: sk_test_/);
    const session = (await (await create(app)).json()) as { id: string };
    const read = await app.request(`/v1/checkout/sessions/${session.id}`, { headers: { Authorization: 'Bearer sk_test_other' } });
    expect(read.status).toBe(401);
  });

  it('makes a random key per start when none is given', () => {
    const a = createLocalStripe({ webhookSecret: 'whsec_a', publicUrl: 'http://localhost:1/_stripe' });
    const b = createLocalStripe({ webhookSecret: 'whsec_a', publicUrl: 'http://localhost:1/_stripe' });
    expect(a.secretKey).toMatch(/^sk_test_local_[0-9a-f]{32}$/);
    expect(a.secretKey).not.toBe(b.secretKey);
  });
});

describe('mounted under a prefix', () => {
  it('serves the pay page and its stylesheet under the prefix the publicUrl names, and no API there', async () => {
    const shop = new Hono();
    const stand = local();
    shop.route('/_stripe', stand.pages);
    expect((await shop.request('/_stripe/v1/checkout/sessions', { method: 'POST', body, headers: auth })).status).toBe(404);
    const res = await create(stand.api);
    const session = (await res.json()) as { url: string };
    const path = new URL(session.url).pathname;
    expect(path).toMatch(/^\/_stripe\/c\/pay\/cs_test_/);
    const page = await shop.request(path);
    expect(page.status).toBe(200);
    const css = new URL('../pay.css', session.url).pathname;
    expect(css).toBe('/_stripe/c/pay.css');
    expect((await shop.request(css)).status).toBe(200);
  });
});
