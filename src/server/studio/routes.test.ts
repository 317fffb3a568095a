import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { hmacSigner } from '../signing';
import type { StudioReviewsResponse, StudioSession } from '../../core/api/studio';
import type { Review } from '../reviews/store';
import { catalogFileWriter } from './catalog-file';
import { hashPassword } from './password';
import { FREE_MISTAKES } from './throttle';

/**
 * The studio's access through app.request(): every route of the studio, found in the app
 * itself so that a route added later cannot be missed, refused without a session, with a
 * forged or an expired cookie, and (for changes) from another origin. The reviews are real SQL
 * (PGlite in memory); the catalog file is a real file.
 */
const PASSWORD = 'studio password for tests 1';
const origin = 'http://localhost:8787';
const catalogText = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
let data: InMemoryData;
let dir: string;
let hash: string;

beforeAll(async () => {
  data = await inMemoryData();
  dir = await mkdtemp(join(tmpdir(), 'fanshop-studio-'));
  hash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await data.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

function app(studio: AppOptions['studio'] | 'off' = { password: { hash }, clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test' }) {
  return createApp({ catalog: { read: async () => catalogText }, reviews: { store: data.reviews, tokens: undefined, notConfigured: 'no secret', moderation: 'hold', rateLimitPerMinute: 100, allowedOrigins: [origin], clientAddress: () => 'test' }, ...(studio === 'off' ? {} : { studio }) });
}

type App = ReturnType<typeof app>;

async function login(shop: App, client = 'test'): Promise<string> {
  const response = await shop.request(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', 'X-Test-Client': client }, body: JSON.stringify({ password: PASSWORD }) });
  expect(response.status).toBe(200);
  return /^([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')![1]!;
}

/** Every route under /studio and /api/studio the app has (middleware is registered for ALL methods). */
function studioRoutesOf(shop: App): { method: string; path: string }[] {
  const seen = new Set<string>();
  return shop.routes
    .filter((r) => r.method !== 'ALL' && /^\/(api\/)?studio(\/|$)/.test(r.path))
    .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, 'some-$1') }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const request = (shop: App, route: { method: string; path: string }, headers: Record<string, string>) =>
  shop.request(`${origin}${route.path}`, { method: route.method, headers: { 'Content-Type': 'application/json', ...headers }, ...(route.method === 'GET' ? {} : { body: '{}' }) });

describe('every studio route', () => {
  // Collected when the tests run (the app needs the database of beforeAll).
  let routes: { method: string; path: string }[] = [];
  let guarded: typeof routes = [];
  beforeAll(() => {
    routes = studioRoutesOf(app());
    guarded = routes.filter((r) => r.path !== '/api/studio/login');
  });

  it('is found in the app: the page, the login, the session, moderation and the catalog', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /studio', 'POST /api/studio/login', 'POST /api/studio/logout', 'GET /api/studio/session', 'GET /api/studio/reviews', 'POST /api/studio/reviews/some-id', 'PUT /api/studio/catalog']),
    );
  });

  it('answers 401 without a session cookie (the page: the login shell)', async () => {
    const shop = app();
    for (const route of guarded) {
      const response = await request(shop, route, { Origin: origin });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('answers 401 to a forged cookie: another key, a changed expiry, junk', async () => {
    const shop = app();
    const real = await login(shop);
    const [name, value] = real.split('=') as [string, string];
    const [version, expires, id, signature] = value.split('.');
    const otherKey = hmacSigner('not the studio key', 'fanshop studio sessions v1');
    const later = `${version}.${Number(expires) + 1000}.${id}`;
    const forged = [`${name}=${later}.${signature}`, `${name}=${later}.${await otherKey.sign(later)}`, `${name}=junk`, `${name}=${value}x`, `other=${value}`];
    for (const cookie of forged)
      for (const route of guarded) expect((await request(shop, route, { Origin: origin, Cookie: cookie })).status, `${cookie} ${route.method} ${route.path}`).toBe(401);
  });

  it('answers 401 once the session has expired (12 hours)', async () => {
    const shop = app();
    const cookie = await login(shop);
    const spy = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 12 * 3_600_000 + 1000);
    for (const route of guarded) expect((await request(shop, route, { Origin: origin, Cookie: cookie })).status, `${route.method} ${route.path}`).toBe(401);
    spy.mockRestore();
    expect((await shop.request(`${origin}/api/studio/session`, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('answers 403 to a change from another origin or without one, even with a session', async () => {
    const shop = app();
    const cookie = await login(shop);
    const changes = routes.filter((r) => r.method !== 'GET');
    expect(changes.length).toBeGreaterThan(3);
    for (const route of changes)
      for (const from of [{ Origin: 'https://evil.example' }, { Origin: 'http://localhost:8788' }, { Origin: 'null' }, {}] as Record<string, string>[])
        expect((await request(shop, route, { ...from, Cookie: cookie })).status, `${JSON.stringify(from)} ${route.method} ${route.path}`).toBe(403);
  });

  it('guards a route mounted later under /api/studio/ without a guard of its own (the other sections’ APIs)', async () => {
    const shop = app();
    shop.get('/api/studio/insights/later', (c) => c.json({ secret: 'numbers' }));
    shop.post('/api/studio/builder/later', (c) => c.json({ changed: true }));
    expect((await shop.request(`${origin}/api/studio/insights/later`)).status).toBe(401);
    const cookie = await login(shop);
    expect((await shop.request(`${origin}/api/studio/insights/later`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await shop.request(`${origin}/api/studio/builder/later`, { method: 'POST', headers: { Cookie: cookie, Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await shop.request(`${origin}/api/studio/builder/later`, { method: 'POST', headers: { Cookie: cookie, Origin: origin } })).status).toBe(200);
  });

  it('is not there without a password: the API answers 404, the page says how to turn it on', async () => {
    const shop = app('off');
    for (const route of routes.filter((r) => r.path.startsWith('/api/'))) expect((await request(shop, route, { Origin: origin })).status, `${route.method} ${route.path}`).toBe(404);
    const page = await shop.request(`${origin}/studio`);
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).toContain('FANSHOP_ADMIN_PASSWORD');
    expect(text).toContain('npx fanshop hash-password');
    expect(text).not.toContain('studio.mjs');
    expect((await shop.request(`${origin}/studio`, { headers: { 'Accept-Language': 'de' } })).status).toBe(404);
  });
});

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict cookie with an expiry, Secure outside localhost', async () => {
    const local = await app().request(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
    const cookie = local.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^fanshop-studio=v1\./);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await local.json()) as StudioSession;
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
    const shop = 'https://shop.example';
    const remote = await app().request(`${shop}/api/studio/login`, { method: 'POST', headers: { Origin: shop, 'Content-Type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
    expect(remote.headers.get('Set-Cookie')).toMatch(/^__Host-fanshop-studio=v1\..*; Secure/);
  });

  it('works with the password itself as the setting, and a logged-out cookie is refused', async () => {
    const shop = app({ password: { plain: PASSWORD }, clientAddress: () => 'test' });
    const cookie = await login(shop);
    expect((await shop.request(`${origin}/api/studio/session`, { headers: { Cookie: cookie } })).status).toBe(200);
    const out = await shop.request(`${origin}/api/studio/logout`, { method: 'POST', headers: { Origin: origin, Cookie: cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^fanshop-studio=;.*Max-Age=0/);
    expect((await shop.request(`${origin}/api/studio/session`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it(`slows wrong passwords down per client after ${FREE_MISTAKES}: 429 with Retry-After, growing, even for the right one`, async () => {
    const shop = app();
    const attempt = (password: string, client = 'guesser') =>
      shop.request(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', 'X-Test-Client': client }, body: JSON.stringify({ password }) });
    for (let i = 0; i < FREE_MISTAKES; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    const refused = await attempt('wrong again');
    expect(refused.status).toBe(401);
    const slowed = await attempt(PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    // Another client is not slowed by the guesser.
    expect((await attempt(PASSWORD, 'merchant')).status).toBe(200);
    // Once the wait is over, one more mistake makes the next wait twice as long.
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 1500);
    expect((await attempt('wrong after wait')).status).toBe(401);
    expect(Number((await attempt(PASSWORD)).headers.get('Retry-After'))).toBe(2);
    spy.mockReturnValue(now + 5000);
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect((await attempt('a typo')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('never shows the password: not in an answer, a header, or the console', async () => {
    const logged: string[] = [];
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const shop = app({ password: { plain: PASSWORD }, clientAddress: () => 'test' });
    const answers: string[] = [];
    const keep = async (response: Response) => answers.push([...response.headers].join('\n'), await response.text());
    await keep(await shop.request(`${origin}/api/studio/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ password: `${PASSWORD}x` }) }));
    const cookie = await login(shop);
    for (const path of ['/studio', '/api/studio/session', '/api/studio/reviews']) await keep(await shop.request(`${origin}${path}`, { headers: { Cookie: cookie } }));
    await keep(await shop.request(`${origin}/api/studio/catalog`, { method: 'PUT', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' }));
    expect(answers.length).toBe(10);
    for (const text of [...answers, ...logged]) expect(text).not.toContain(PASSWORD);
  });
});

describe('moderation', () => {
  const review = (id: string, productId: string, rating: 1 | 2 | 3 | 4 | 5, status: Review['status']): Review => ({
    id, productId, variantId: null, orderId: `cs_test_${id}`, rating, text: `Text of ${id}`, name: 'Ana', language: 'en', status, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
  });

  it('lists reviews by status without their order, approves, hides and shows again, with each product’s average', async () => {
    const product = JSON.parse(catalogText).products[0].id as string;
    for (const r of [review('r-pending', product, 2, 'pending'), review('r-published', product, 5, 'published'), review('r-hidden', product, 1, 'hidden')]) await data.reviews.createReview(r);
    const shop = app();
    const cookie = await login(shop);
    const list = async (status: string) => (await (await shop.request(`${origin}/api/studio/reviews?status=${status}`, { headers: { Cookie: cookie } })).json()) as StudioReviewsResponse;
    const pending = await list('pending');
    expect(pending.reviews.map((r) => r.id)).toEqual(['r-pending']);
    expect(JSON.stringify(pending)).not.toContain('cs_test_');
    expect(pending.reviews[0]!.productTitle).toBeTruthy();
    expect(pending.counts).toEqual({ pending: 1, published: 1, hidden: 1 });
    expect(pending.products).toEqual([expect.objectContaining({ productId: product, average: 5, count: 1 })]);
    const decide = (id: string, status: string) => shop.request(`${origin}/api/studio/reviews/${id}`, { method: 'POST', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) });
    const stars = async () => ((await (await shop.request(`${origin}/catalog.json?fanshop=1`)).json()) as { ratings?: Record<string, unknown> }).ratings?.[product];
    expect(await stars()).toEqual({ average: 5, count: 1 });
    expect((await decide('r-pending', 'published')).status).toBe(200);
    // The cards' stars follow at once, not after the 2 s the shop keeps them (reviews/ratings.ts).
    expect(await stars()).toEqual({ average: 3.5, count: 2 });
    expect((await list('published')).products[0]).toMatchObject({ average: 3.5, count: 2 });
    expect((await decide('r-published', 'hidden')).status).toBe(200);
    expect((await decide('r-hidden', 'published')).status).toBe(200);
    expect((await list('hidden')).reviews.map((r) => r.id)).toEqual(['r-published']);
    expect((await decide('nope', 'hidden')).status).toBe(404);
    expect((await decide('r-hidden', 'deleted')).status).toBe(400);
    expect((await shop.request(`${origin}/api/studio/reviews?status=all`, { headers: { Cookie: cookie } })).status).toBe(400);
  });
});

describe('saving the catalog', () => {
  it('answers 409 where the catalog is not a file', async () => {
    const shop = app();
    const cookie = await login(shop);
    const response = await shop.request(`${origin}/api/studio/catalog`, { method: 'PUT', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body: catalogText });
    expect(response.status).toBe(409);
  });

  it('keeps the old file as .bak, writes the new one, and refuses one that does not validate', async () => {
    const path = join(dir, 'catalog.json');
    await writeFile(path, '{"old": true}\n');
    const shop = app({ password: { hash }, clientAddress: () => 'test', catalogFile: catalogFileWriter(path) });
    const cookie = await login(shop);
    const put = (body: string) => shop.request(`${origin}/api/studio/catalog`, { method: 'PUT', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body });
    const session = (await (await shop.request(`${origin}/api/studio/session`, { headers: { Cookie: cookie } })).json()) as StudioSession;
    expect(session.catalogFile).toBe(true);
    const saved = await put(catalogText);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ saved: true, backup: `${path}.bak` });
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('{"old": true}\n');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(JSON.parse(catalogText));
    const invalid = await put('{"shop": {}, "products": []}');
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(JSON.parse(catalogText));
  });
});
