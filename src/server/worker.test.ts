import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsResponse } from '../core/api/insights';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import type Stripe from 'stripe';
import { startLocalStripe } from '../../tools/stripe-local';
import { durableObjectStores, type FanshopDataNamespace } from './data/durable-object/stores';
import { buildWorker } from '../../scripts/build-worker.mjs';
import { sdkFor } from '../../tools/stripe-local/testing';
import { reviewTokens } from './reviews/token';
import { unsubscribeTokens } from './wishes/token';
import { hashPassword } from './studio/password';

/**
 * The Worker as Cloudflare runs it: src/server/worker.ts bundled for workerd
 * (scripts/build-worker.mjs) and run in workerd through miniflare, with a static assets binding
 * and the shop's Durable Object (SQLite, in memory). Its Stripe client talks over fetch, from
 * inside workerd, to the local test-mode Stripe running here in Node (Stripe itself cannot be
 * reached from here).
 */
const root = new URL('../../', import.meta.url).pathname;
// The files `npm run build` made, or public/ (the demo catalog and images) before a build.
const assets = existsSync(join(root, 'dist/client/catalog.json')) ? join(root, 'dist/client') : join(root, 'public');
const catalogText = readFileSync(join(assets, 'catalog.json'), 'utf8');
const catalog = JSON.parse(catalogText) as { products: { id: string; price: number; title: string | Record<string, string> }[] };
const muesli = catalog.products.find((p) => p.id === 'bircher-muesli-mix')!;
const origin = 'https://shop.example';
/** The Worker of a merchant's own entry with hooks (src/server/testing/worker-with-hooks.ts). */
const hookedOrigin = 'https://hooked.example';
const secret = 'whsec_test_worker';
// wrangler.jsonc `compatibility_date`; per worker (miniflare's default is a date from before
// URL followed the standard, without URL.canParse).
const compatibilityDate = '2026-07-30';
const assetsOptions = (name: string) => ({
  directory: assets,
  binding: 'ASSETS',
  workerName: name,
  // wrangler.jsonc `run_worker_first: true`
  routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
});

let outDir: string;
let mf: Miniflare;
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
// A stand-in for the Graph API, recording the Conversions API events the Worker sends.
const graphEvents: { path: string; body: string }[] = [];
let graph: Server;
const fbAppSecret = 'worker-app-secret';
const reviewSecret = 'worker-review-secret-of-at-least-32-characters';
const studioPassword = 'worker studio password';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fanshop-worker-'));
  graph = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      graphEvents.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"events_received":1}');
    });
  });
  await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
  const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
  [local] = await Promise.all([startLocalStripe({ webhookSecret: secret, log: () => {} }), buildWorker(outDir), buildWorker(join(outDir, 'hooked'), 'src/server/testing/worker-with-hooks.ts')]);
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
  const studioHash = await hashPassword(studioPassword);
  const scriptPath = join(outDir, 'worker.mjs');
  mf = new Miniflare({
    workers: [
      {
        name: 'shop',
        compatibilityDate,
        modules: true,
        scriptPath,
        modulesRoot: outDir,
        assets: assetsOptions('shop'),
        // wrangler.jsonc `durable_objects` and `migrations` (new_sqlite_classes)
        durableObjects: { FANSHOP_DATA: { className: 'FanshopData', useSQLite: true } },
        bindings: {
          STRIPE_SECRET_KEY: local.secretKey,
          STRIPE_WEBHOOK_SECRET: secret,
          STRIPE_API_BASE: local.url,
          FANSHOP_ALLOWED_ORIGINS: origin,
          FANSHOP_SHIPPING_COUNTRIES: 'DE,AT',
          // Fifty checkouts from one visitor at once (the last units, below).
          FANSHOP_CHECKOUT_RATE_LIMIT: '100',
          FB_APP_SECRET: fbAppSecret,
          FANSHOP_REVIEW_SECRET: reviewSecret,
          META_PIXEL_ID: '555000',
          META_CAPI_TOKEN: 'worker-capi-token',
          META_GRAPH_API_BASE: graphUrl,
          FANSHOP_ADMIN_PASSWORD_HASH: studioHash,
        },
      },
      // A merchant's own entry with hooks (src/server/testing/worker-with-hooks.ts), its own data.
      {
        name: 'hooked',
        compatibilityDate,
        modules: true,
        scriptPath: join(outDir, 'hooked', 'worker.mjs'),
        modulesRoot: join(outDir, 'hooked'),
        assets: assetsOptions('hooked'),
        routes: ['hooked.example/*'],
        durableObjects: { FANSHOP_DATA: { className: 'FanshopData', useSQLite: true } },
        bindings: {
          STRIPE_SECRET_KEY: local.secretKey,
          STRIPE_WEBHOOK_SECRET: secret,
          STRIPE_API_BASE: local.url,
          FANSHOP_ALLOWED_ORIGINS: hookedOrigin,
          FANSHOP_REVIEW_SECRET: reviewSecret,
          HOOK_URL: graphUrl,
          HOOK_KEY: 'mailer-key',
        },
      },
      // A merchant who deployed before setting any secret or binding the Durable Object.
      { name: 'unconfigured', compatibilityDate, modules: true, scriptPath, modulesRoot: outDir, assets: assetsOptions('unconfigured') },
      // One who set the Stripe secrets but has no Durable Object bound.
      {
        name: 'no-data',
        compatibilityDate,
        modules: true,
        scriptPath,
        modulesRoot: outDir,
        assets: assetsOptions('no-data'),
        bindings: { STRIPE_SECRET_KEY: local.secretKey, STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: local.url, FANSHOP_ALLOWED_ORIGINS: origin },
      },
    ],
  });
  await mf.ready;
}, 30_000);

afterAll(async () => {
  try {
    await mf?.dispose();
    await local?.close();
    await new Promise((resolve) => (graph ? graph.close(resolve) : resolve(undefined)));
  } finally {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
});

// miniflare types its proxies with @cloudflare/workers-types' own; these are the parts the tests use.
/** The shop's Durable Object as the Worker reads it (data/durable-object/stores.ts), from here. */
const data = async () => durableObjectStores((await mf.getDurableObjectNamespace('FANSHOP_DATA', 'shop')) as unknown as FanshopDataNamespace);
const worker = async (name: string) => (await mf.getWorker(name)) as unknown as { fetch: typeof mf.dispatchFetch };

let shopper = 0;
/** POST /api/checkout as the widget sends it; each call a visitor (CF-Connecting-IP) of its own. */
const checkout = (body: unknown, headers: Record<string, string> = {}) =>
  mf.dispatchFetch(`${origin}/api/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, 'CF-Connecting-IP': `203.0.113.${++shopper}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const cart = (lines: unknown[]) => ({ lines, locale: 'de', returnUrl: `${origin}/shop` });
/** A Stripe event about a Checkout Session, as Stripe sends it. */
const stripeEvent = (type: string, session: Stripe.Checkout.Session) => ({
  id: `evt_test_${type.split('.').at(-1)}_${session.id.slice(-16)}`,
  object: 'event',
  type,
  api_version: '2026-10-28.endive',
  created: Math.floor(Date.now() / 1000),
  livemode: false,
  data: { object: session },
});
const deliver = (payload: string, signature: string) =>
  mf.dispatchFetch(`${origin}/api/webhooks/stripe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload });

describe('POST /api/checkout in workerd', () => {
  it('creates a Checkout Session on Stripe priced from the catalog, ignoring a price the browser sent', async () => {
    const res = await checkout(cart([{ productId: 'bircher-muesli-mix', quantity: 3, price: 1, unitAmount: 1 }]));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; url: string };
    expect(body.url).toBe(`${local.url}/c/pay/${body.id}`);
    const stored = local.sessions.get(body.id)!.session;
    expect(stored.amount_total).toBe(muesli.price * 3);
    expect(stored.currency).toBe('eur');
    expect(stored.success_url).toBe(`${origin}/shop?checkout=success&session_id={CHECKOUT_SESSION_ID}`);
    expect(stored.shipping_address_collection?.allowed_countries).toEqual(['DE', 'AT']);
  });

  it.each([
    ['an unknown product', cart([{ productId: 'not-in-the-catalog', quantity: 1 }]), 409, 'unknown_product'],
    ['a quantity of zero', cart([{ productId: 'bircher-muesli-mix', quantity: 0 }]), 422, 'invalid_quantity'],
    ['a fractional quantity', cart([{ productId: 'bircher-muesli-mix', quantity: 1.5 }]), 422, 'invalid_quantity'],
    ['a quantity above the limit', cart([{ productId: 'bircher-muesli-mix', quantity: 100 }]), 422, 'invalid_quantity'],
    ['a price instead of a product', cart([{ price: 1, quantity: 1 }]), 400, 'invalid_request'],
    ['a return page on another site', { ...cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), returnUrl: 'https://evil.example/' }, 403, 'origin_not_allowed'],
    ['a body that is not JSON', '{"lines": [', 400, 'malformed_json'],
    ['a body over 32 KB', JSON.stringify({ ...cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), pad: 'x'.repeat(33 * 1024) }), 413, 'body_too_large'],
  ])('refuses %s with a 4xx error the widget can translate', async (_, body, status, code) => {
    const before = local.sessions.list().length;
    const res = await checkout(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(local.sessions.list()).toHaveLength(before);
  });

  it('refuses a page on an origin that is not allowed, before reading the cart', async () => {
    const res = await checkout(cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('POST /api/webhooks/stripe in workerd', () => {
  /** A session created through the Worker and paid on the local Stripe, and its completed event. */
  async function paidSession() {
    const { id } = (await (await checkout(cart([{ productId: 'bircher-muesli-mix', quantity: 2 }]))).json()) as { id: string };
    local.sessions.complete(id, {
      email: 'fan@example.com',
      shipping: { name: 'Erika Mustermann', address: { line1: 'Hauptstraße 1', line2: null, postal_code: '10115', city: 'Berlin', state: null, country: 'DE' } },
    });
    const session = await stripe.checkout.sessions.retrieve(id);
    const event = stripeEvent('checkout.session.completed', session);
    return { session, payload: JSON.stringify(event), eventId: event.id };
  }
  it('saves the order of a paid session in the Durable Object, once, however often the event is delivered', async () => {
    const { session, payload, eventId } = await paidSession();
    const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret });
    const first = await deliver(payload, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true });
    const orders = (await data()).orders;
    const order = await orders.getOrder(session.id);
    expect(order).toMatchObject({ id: session.id, amountTotal: muesli.price * 2, currency: 'EUR', customerEmail: 'fan@example.com' });
    expect(order!.shippingAddress).toMatchObject({ name: 'Erika Mustermann', city: 'Berlin', country: 'DE' });
    expect(order!.lines).toEqual([expect.objectContaining({ productId: 'bircher-muesli-mix', variantId: null, quantity: 2, amountTotal: muesli.price * 2 })]);

    const replay = await deliver(payload, signature);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(await orders.hasProcessedEvent(eventId)).toBe(true);
    expect((await orders.listOrders()).filter((o) => o.id === session.id)).toHaveLength(1);

    // And one Purchase to Meta's Conversions API, hashed with Web Crypto inside workerd.
    const sent = graphEvents.filter((e) => e.body.includes(session.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toMatch(/^\/v\d+\.0\/555000\/events\?access_token=worker-capi-token$/);
    expect(JSON.parse(sent[0]!.body).data[0]).toMatchObject({ event_name: 'Purchase', event_id: session.id, user_data: { em: [createHash('sha256').update('fan@example.com').digest('hex')] } });
  });

  it.each([
    ['a wrong secret', (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret: 'whsec_wrong' }), (p: string) => p],
    ['a tampered body', (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret }), (p: string) => p.replace(/"amount_total":\d+/, '"amount_total":1')],
    ['a stale timestamp', (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret, timestamp: Math.floor(Date.now() / 1000) - 301 }), (p: string) => p],
  ])('refuses %s with 400 and saves nothing', async (_, sign, body) => {
    const { session, payload } = await paidSession();
    const res = await deliver(body(payload), await sign(payload));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'signature_invalid' } });
    expect(await (await data()).orders.getOrder(session.id)).toBeUndefined();
  });
});

describe('reviews in workerd', () => {
  const review = (body: unknown) =>
    mf.dispatchFetch(`${origin}/api/reviews`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, 'CF-Connecting-IP': '203.0.113.251' }, body: JSON.stringify(body) });

  it('signs a paid session’s review token with Web Crypto, takes the review once, and shows it on the page and in the feed', async () => {
    const { id } = (await (await checkout(cart([{ productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }]))).json()) as { id: string };
    local.sessions.complete(id, { email: 'fan@example.com' });
    const summary = (await (await mf.dispatchFetch(`${origin}/api/checkout/sessions/${id}`, { headers: { Origin: origin } })).json()) as { review?: { token: string } };
    const token = summary.review?.token ?? '';
    // The Worker's token is the one Node makes with the same secret: one format on both runtimes.
    const claims = await reviewTokens(reviewSecret).verify(token, new Date());
    expect(claims).toMatchObject({ ok: true, claims: { orderId: id, products: [{ productId: 'espresso-blend', variantId: 'espresso-1kg-whole' }] } });
    const body = { token, productId: 'espresso-blend', rating: 5, text: 'Dark and smooth', language: 'en' };
    const created = await review(body);
    expect(created.status).toBe(201);
    expect((await review(body)).status).toBe(409);
    const tampered = `${token.slice(0, -10)}${token.at(-10) === 'A' ? 'B' : 'A'}${token.slice(-9)}`;
    expect((await review({ ...body, token: tampered })).status).toBe(403);
    const page = await mf.dispatchFetch(`${origin}/api/reviews/espresso-blend`, { headers: { Origin: origin } });
    expect(await page.json()).toMatchObject({ total: 1, aggregate: { count: 1, average: 5 }, reviews: [{ productId: 'espresso-blend', variantId: 'espresso-1kg-whole', text: 'Dark and smooth' }] });
    const html = await (await mf.dispatchFetch(`${origin}/p/espresso-blend`)).text();
    expect(html).toContain('"aggregateRating":{"@type":"AggregateRating","ratingValue":5,"ratingCount":1');
    expect(await (await mf.dispatchFetch(`${origin}/feeds/meta-reviews.csv`)).text()).toContain('Dark and smooth');
  });

  it('sends the stars with the catalog, its first views and its pages, and takes them off once the review is hidden', async () => {
    // The review of the test above: the envelope, /shop's card and a page of products carry it.
    const envelope = await mf.dispatchFetch(`${origin}/catalog.json?fanshop=1`);
    const etag = envelope.headers.get('ETag');
    expect(((await envelope.json()) as { ratings?: unknown }).ratings).toEqual({ 'espresso-blend': { average: 5, count: 1 } });
    expect(await (await mf.dispatchFetch(`${origin}/shop`)).text()).toContain('aria-label="Rated 5.0 out of 5 by 1 buyer">★ 5.0 (1)</p>');
    const products = await mf.dispatchFetch(`${origin}/api/products?ids=espresso-blend,stoneware-mug`);
    expect(((await products.json()) as { ratings?: unknown }).ratings).toEqual({ 'espresso-blend': { average: 5, count: 1 } });
    // The merchant hides it in the Durable Object; ratings are read again after at most 2 s.
    const [hidden] = await (await data()).reviews.allReviews(['published']);
    await (await data()).reviews.setReviewStatus(hidden!.id, 'hidden');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const after = await mf.dispatchFetch(`${origin}/catalog.json?fanshop=1`, { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(await after.json()).not.toHaveProperty('ratings');
    expect(await (await mf.dispatchFetch(`${origin}/shop`)).text()).not.toContain('part="rating"');
  });
});

describe('stock in workerd', () => {
  /** What the shop's Durable Object says can be bought of an item now. */
  const available = async (item: string, stock: number) => (await (await data()).stock.available([{ item, stock }], new Date()))[item];

  it('holds the last 3 units for exactly 3 of 50 concurrent checkouts; the other 47 hear sold_out', async () => {
    // merino-beanie: stock 3 in the demo catalog. One visitor, 50 attempts of their own.
    const before = local.sessions.list().length;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => checkout({ ...cart([{ productId: 'merino-beanie', quantity: 1 }]), attempt: `beanie-rush-${i}` }, { 'CF-Connecting-IP': '198.51.100.7' })),
    );
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { id?: string; error?: { code: string } }[];
    expect(answers.filter((r) => r.status === 200)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(47);
    expect(bodies.filter((b) => b.error?.code === 'sold_out')).toHaveLength(47);
    expect(new Set(bodies.flatMap((b) => (b.id ? [b.id] : []))).size).toBe(3);
    expect(local.sessions.list().length - before).toBe(3);
    expect(await available('merino-beanie', 3)).toBe(0);
  });

  it('gives an expired session’s units back when Stripe says it expired, so the next checkout gets them', async () => {
    // ceramic-pour-over-dripper: stock 1 in the demo catalog.
    const dripper = cart([{ productId: 'ceramic-pour-over-dripper', quantity: 1 }]);
    const first = await checkout(dripper);
    expect(first.status).toBe(200);
    const { id } = (await first.json()) as { id: string };
    const refused = await checkout(dripper);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'sold_out' } });

    // The event Stripe sends when the session times out, with the session as it is then.
    const session = await stripe.checkout.sessions.retrieve(id);
    const payload = JSON.stringify(stripeEvent('checkout.session.expired', { ...session, status: 'expired', url: null }));
    const res = await deliver(payload, await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }));
    expect(await res.json()).toEqual({ received: true });
    expect(await available('ceramic-pour-over-dripper', 1)).toBe(1);

    const next = await checkout(dripper);
    expect(next.status).toBe(200);
    expect(((await next.json()) as { id: string }).id).not.toBe(id);
    expect(await available('ceramic-pour-over-dripper', 1)).toBe(0);
  });
});

describe('likes and the Facebook tab in workerd', () => {
  const shopper = 'worker-shopper-0123456789';
  it('counts likes in the shop’s Durable Object', async () => {
    const post = (liked: boolean) =>
      mf.dispatchFetch(`${origin}/api/likes/bircher-muesli-mix`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, 'CF-Connecting-IP': '203.0.113.250' }, body: JSON.stringify({ shopper, liked }) });
    expect(await (await post(true)).json()).toEqual({ productId: 'bircher-muesli-mix', count: 1, liked: true });
    expect(await (await post(true)).json()).toEqual({ productId: 'bircher-muesli-mix', count: 1, liked: true });
    const read = await mf.dispatchFetch(`${origin}/api/likes?ids=bircher-muesli-mix,espresso-blend&shopper=${shopper}`, { headers: { Origin: origin } });
    expect(await read.json()).toEqual({ counts: { 'bircher-muesli-mix': 1, 'espresso-blend': 0 }, liked: ['bircher-muesli-mix'] });
    const likes = (await data()).likes;
    expect(await likes.counts(['bircher-muesli-mix'])).toEqual({ 'bircher-muesli-mix': 1 });
    expect(await likes.likedBy(shopper, ['espresso-blend', 'bircher-muesli-mix'])).toEqual(['bircher-muesli-mix']);
    expect(await (await post(false)).json()).toEqual({ productId: 'bircher-muesli-mix', count: 0, liked: false });
  });

  it('keeps a beacon’s events in the shop’s Durable Object, and the studio counts them', async () => {
    const now = Date.now();
    const res = await mf.dispatchFetch(`${origin}/api/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: origin, 'CF-Connecting-IP': '203.0.113.251' },
      body: JSON.stringify({ shopper, events: [{ type: 'view', at: now, productIds: ['espresso-blend'] }, { type: 'search', at: now, query: 'Worker Unicorn', results: 0 }] }),
    });
    expect(res.status).toBe(204);
    expect(((await (await mf.dispatchFetch(`${origin}/catalog.json?fanshop=1`)).json()) as { events?: string }).events).toBe('/api/events');
    // The studio's numbers are the merchant's: without a session, 401; logged in, the counts.
    expect((await mf.dispatchFetch(`${origin}/api/studio/insights`)).status).toBe(401);
    const login = await mf.dispatchFetch(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.252' }, body: JSON.stringify({ password: studioPassword }) });
    expect(login.status).toBe(200);
    const cookie = /^([^;]+)/.exec(login.headers.get('Set-Cookie') ?? '')![1]!;
    const insights = (await (await mf.dispatchFetch(`${origin}/api/studio/insights`, { headers: { Cookie: cookie } })).json()) as InsightsResponse;
    expect(insights.zeroResultSearches).toContainEqual({ query: 'worker unicorn', count: 1 });
    expect(insights.products.find((p) => p.productId === 'espresso-blend')).toMatchObject({ views: 1 });
  });

  it('opens the Page tab at a product in the viewer’s language for a signed request, and refuses a forged one', async () => {
    const payload = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), user: { locale: 'de_DE' }, app_data: 'bircher-muesli-mix' })).toString('base64url');
    const sign = (key: string) => `${createHmac('sha256', key).update(payload).digest('base64url')}.${payload}`;
    const tab = (signedRequest: string) =>
      mf.dispatchFetch(`${origin}/facebook/tab`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ signed_request: signedRequest }).toString() });
    const ok = await tab(sign(fbAppSecret));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('data-locale="de-DE" data-product="bircher-muesli-mix"');
    const forged = await tab(sign('not-the-secret'));
    expect(forged.status).toBe(403);
    expect(await forged.text()).not.toContain('data-fanshop');
  });
});

describe('recommendations and "Notify me" in workerd', () => {
  it('recommends what the same fans like, from the Durable Object, never the sold-out', async () => {
    const likes = (await data()).likes;
    for (const shopper of ['worker-fan-a-0123456789', 'worker-fan-b-0123456789']) {
      for (const id of ['stoneware-teapot', 'glass-french-press', 'enamel-mug-limited']) await likes.setLike(id, shopper, true);
    }
    const res = await mf.dispatchFetch(`${origin}/api/recommendations/stoneware-teapot`, { headers: { 'CF-Connecting-IP': '203.0.113.240' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { alsoLiked: { id: string; source: string }[]; boughtTogether: unknown[] };
    // The limited mug (stock 0) is liked as much, but cannot be bought.
    expect(body.alsoLiked[0]).toEqual({ id: 'glass-french-press', source: 'likes' });
    expect(body.alsoLiked.map((r) => r.id)).not.toContain('enamel-mug-limited');
    expect(body.alsoLiked.slice(1).every((r) => r.source === 'category')).toBe(true);
    const cart = await mf.dispatchFetch(`${origin}/api/recommendations?cart=stoneware-teapot,glass-french-press`, { headers: { 'CF-Connecting-IP': '203.0.113.240' } });
    expect(((await cart.json()) as { products: { id: string }[] }).products.map((r) => r.id)).not.toContain('stoneware-teapot');
    // Other cases count likes from nothing.
    for (const shopper of ['worker-fan-a-0123456789', 'worker-fan-b-0123456789']) {
      for (const id of ['stoneware-teapot', 'glass-french-press', 'enamel-mug-limited']) await likes.setLike(id, shopper, false);
    }
  });

  it('keeps a wish for a sold-out size once, and unsubscribes it by its signed link', async () => {
    const post = () =>
      mf.dispatchFetch(`${origin}/api/wishes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, 'CF-Connecting-IP': '203.0.113.241' },
        body: JSON.stringify({ productId: 'nordlicht-hoodie', variantId: 'hoodie-m-charcoal', email: 'Fan@Example.com', language: 'de', consent: true }),
      });
    expect(await (await post()).json()).toEqual({ received: true });
    expect(await (await post()).json()).toEqual({ received: true });
    const wishes = (await data()).wishes;
    const kept = await wishes.listWishes('nordlicht-hoodie');
    expect(kept.map((w) => [w.variantId, w.email])).toEqual([['hoodie-m-charcoal', 'Fan@example.com']]);
    const token = await unsubscribeTokens(reviewSecret).sign(kept[0]!.id);
    const url = `${origin}/api/wishes/unsubscribe?token=${encodeURIComponent(token)}`;
    expect(await (await mf.dispatchFetch(url)).text()).toContain('Abmelden');
    expect((await mf.dispatchFetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    expect(await wishes.listWishes('nordlicht-hoodie')).toEqual([]);
  });
});

describe('hooks in workerd, from a merchant’s own entry (src/server/testing/worker-with-hooks.ts)', () => {
  it('tells onRestock who wished for a product once its held last unit comes back', async () => {
    const post = (path: string, body: unknown, ip: string) =>
      mf.dispatchFetch(`${hookedOrigin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: hookedOrigin, 'CF-Connecting-IP': ip }, body: JSON.stringify(body) });
    // ceramic-pour-over-dripper: stock 1 in the demo catalog. A shopper holds it in checkout.
    const dripper = { ...cart([{ productId: 'ceramic-pour-over-dripper', quantity: 1 }]), returnUrl: `${hookedOrigin}/shop` };
    const held = await post('/api/checkout', dripper, '203.0.113.250');
    expect(held.status, await held.clone().text()).toBe(200);
    const { id } = (await held.json()) as { id: string };
    // Another sees it sold out, and asks to be told.
    const wish = await post('/api/wishes', { productId: 'ceramic-pour-over-dripper', email: 'waiting.fan@example.com', language: 'de', consent: true }, '203.0.113.251');
    expect(await wish.json()).toEqual({ received: true });
    expect(graphEvents.filter((e) => e.path === '/restock')).toEqual([]);

    // The first shopper's session expires: the unit comes back, and the hook hears of it.
    const session = await stripe.checkout.sessions.retrieve(id);
    const payload = JSON.stringify(stripeEvent('checkout.session.expired', { ...session, status: 'expired', url: null }));
    const delivered = await mf.dispatchFetch(`${hookedOrigin}/api/webhooks/stripe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) }, body: payload });
    expect(await delivered.json()).toEqual({ received: true });
    await expect.poll(() => graphEvents.filter((e) => e.path === '/restock').length, { timeout: 5000 }).toBe(1);
    const notice = JSON.parse(graphEvents.find((e) => e.path === '/restock')!.body) as { product: { id: string; stock: number }; wishes: { email: string; language: string; unsubscribeUrl: string }[] };
    expect(notice.product).toMatchObject({ id: 'ceramic-pour-over-dripper', stock: 1 });
    // The link is on the shop's address as its catalog gives it (`shop.baseUrl`).
    const { baseUrl } = (JSON.parse(catalogText) as { shop: { baseUrl: string } }).shop;
    expect(notice.wishes).toEqual([{ email: 'waiting.fan@example.com', language: 'de', unsubscribeUrl: expect.stringMatching(new RegExp(`^${baseUrl}/api/wishes/unsubscribe\\?token=u1\\.`)) }]);

    // Once told, a wish is not sent again, whatever comes next.
    await mf.dispatchFetch(`${hookedOrigin}/catalog.json`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graphEvents.filter((e) => e.path === '/restock')).toHaveLength(1);
  });
});

describe('product queries in workerd', () => {
  it('searches with a typo, pages, and sorts by the likes in the Durable Object', async () => {
    const found = await mf.dispatchFetch(`${origin}/api/products?q=bircher%20mussli`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { products: { id: string }[] }).products.map((p) => p.id)).toEqual(['bircher-muesli-mix']);
    await (await data()).likes.setLike('linen-tea-towel', 'worker-products-shopper-0123', true);
    const liked = (await (await mf.dispatchFetch(`${origin}/api/products?sort=liked&limit=1`)).json()) as { total: number; products: { id: string }[] };
    expect(liked.total).toBe(catalog.products.length);
    expect(liked.products.map((p) => p.id)).toEqual(['linen-tea-towel']);
  });
});

describe('files and pages in workerd', () => {
  it('serves the catalog from the static assets, as written and as parsed, with ETags', async () => {
    const res = await mf.dispatchFetch(`${origin}/catalog.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await res.text()).toBe(catalogText);
    const parsed = await mf.dispatchFetch(`${origin}/catalog.json?fanshop=1`);
    expect(await parsed.json()).toMatchObject({ format: expect.any(String), catalog: { products: expect.arrayContaining([expect.objectContaining({ id: 'bircher-muesli-mix' })]) } });
    const again = await mf.dispatchFetch(`${origin}/catalog.json`, { headers: { 'If-None-Match': res.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('answers the script tag’s loader with the shop’s first view ahead of the envelope (src/widget/embed.ts)', async () => {
    const view = encodeURIComponent(JSON.stringify([null, { catalog: '/catalog.json' }, { themePrimary: '#aa0000' }, '']));
    const res = await mf.dispatchFetch(`${origin}/catalog.json?fanshop=1&view=${view}`, { headers: { 'Accept-Language': 'de-DE,de;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/vnd.fanshop.first-view; charset=utf-8');
    const text = await res.text();
    const start = text.indexOf('\n') + 1;
    const head = JSON.parse(text.slice(0, start));
    expect(head).toMatchObject({ locale: 'de-DE', product: null, theme: { '--fanshop-primary': '#aa0000' } });
    const html = text.slice(start, start + head.length);
    expect(html).toContain('In den Warenkorb');
    expect(html).toContain(`src="${origin}/images/`);
    expect(JSON.parse(text.slice(start + head.length))).toMatchObject({ catalog: { products: expect.arrayContaining([expect.objectContaining({ id: 'bircher-muesli-mix' })]) } });
  });

  it('serves images from the assets with the same cache headers as Node, and the demo pages', async () => {
    const image = await mf.dispatchFetch(`${origin}/images/bircher-muesli.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('Cache-Control')).toBe('public, max-age=86400');
    expect(image.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await image.text()).toContain('<svg');
    const page = await mf.dispatchFetch(`${origin}/shop`);
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    await page.arrayBuffer();
    const missing = await mf.dispatchFetch(`${origin}/no-such-file.txt`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });
});

describe('a Worker without secrets or a Durable Object', () => {
  it('has no reviews without FANSHOP_DATA', async () => {
    const noData = await worker('no-data');
    const reviews = await noData.fetch(`${origin}/api/reviews/bircher-muesli-mix`);
    expect(reviews.status).toBe(404);
    await reviews.arrayBuffer();
  });

  it('answers checkouts and webhooks with a 503 JSON error that says it is not set up, and still serves the shop', async () => {
    const unconfigured = await worker('unconfigured');
    const res = await unconfigured.fetch(`${origin}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cart([{ productId: 'bircher-muesli-mix', quantity: 1 }])) });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'checkout_not_configured', message: 'Checkout is not set up on this shop yet.' } });
    const hook = await unconfigured.fetch(`${origin}/api/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(503);
    expect(await hook.json()).toMatchObject({ error: { code: 'webhook_not_configured' } });
    const catalogResponse = await unconfigured.fetch(`${origin}/catalog.json`);
    expect(catalogResponse.status).toBe(200);
    expect(await catalogResponse.text()).toBe(catalogText);
  });

  it('has no checkout, webhooks or likes without FANSHOP_DATA, though Stripe is set up', async () => {
    const noData = await worker('no-data');
    // No Origin header: miniflare's getWorker() refuses one of another host.
    const res = await noData.fetch(`${origin}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cart([{ productId: 'bircher-muesli-mix', quantity: 1 }])) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'checkout_not_configured' } });
    const hook = await noData.fetch(`${origin}/api/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(503);
    await hook.arrayBuffer();
    const likes = await noData.fetch(`${origin}/api/likes?ids=bircher-muesli-mix`);
    expect(likes.status).toBe(404);
    await likes.arrayBuffer();
  });
});

describe('the studio in workerd', () => {
  it('checks the password with PBKDF2 at Workers’ 100,000 iterations, signs the session, and refuses saving a catalog (no file)', async () => {
    const login = (password: string) => mf.dispatchFetch(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ password }) });
    expect((await login('not it')).status).toBe(401);
    const right = await login(studioPassword);
    expect(right.status).toBe(200);
    const cookie = /^([^;]+)/.exec(right.headers.get('Set-Cookie') ?? '')![1]!;
    expect(cookie).toMatch(/^__Host-fanshop-studio=v1\./);
    expect(right.headers.get('Set-Cookie')).toMatch(/; Secure/);
    const session = await mf.dispatchFetch(`${origin}/api/studio/session`, { headers: { Cookie: cookie } });
    expect(await session.json()).toMatchObject({ signedIn: true, catalogFile: false });
    expect((await mf.dispatchFetch(`${origin}/api/studio/session`)).status).toBe(401);
    const save = await mf.dispatchFetch(`${origin}/api/studio/catalog`, { method: 'PUT', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body: catalogText });
    expect(save.status).toBe(409);
    const page = await mf.dispatchFetch(`${origin}/studio`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/studio-app/studio.mjs');
  });
});
