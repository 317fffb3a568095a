import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import { openNodeData } from './node';

/**
 * The Node server as it is deployed: `node dist/server/node.mjs` in processes of its own, on
 * PGlite or on one Postgres server shared by two processes, against the local test-mode Stripe
 * in this process (STRIPE_API_BASE), which cannot be reached from the servers' shoppers but
 * answers the servers as Stripe would.
 */
const root = new URL('../../../', import.meta.url).pathname;
const serverScript = join(root, 'dist/server/node.mjs');
const secret = 'whsec_test_processes';
const demo = JSON.parse(readFileSync(join(root, 'public/catalog.json'), 'utf8')) as { products: { id: string; stock?: number }[] };

let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let work: string;
let postgres: Awaited<ReturnType<typeof startPostgres>>;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  // The bundle `npm run build` makes (npm test builds before it runs the tests).
  if (!existsSync(serverScript)) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  work = mkdtempSync(join(tmpdir(), 'fanshop-processes-'));
  [local, postgres] = await Promise.all([startLocalStripe({ webhookSecret: secret, log: () => {} }), startPostgres()]);
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
}, 120_000);
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await Promise.all([local?.close(), postgres?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A catalog file: the demo's, with these stock numbers. */
function catalogWith(name: string, stock: Record<string, number>): string {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ...demo, products: demo.products.map((p) => (p.id in stock ? { ...p, stock: stock[p.id] } : p)) }));
  return path;
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  /** The server's output, for a failure's message. */
  readonly output: () => string;
}

/** Starts `node dist/server/node.mjs` and waits until it serves the catalog. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverScript], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      STRIPE_SECRET_KEY: local.secretKey,
      STRIPE_API_BASE: local.url,
      STRIPE_WEBHOOK_SECRET: secret,
      FANSHOP_CHECKOUT_RATE_LIMIT: '100000',
      FANSHOP_LIKES_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/catalog.json`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - started > 60_000) throw new Error(`the server did not start in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, output: () => output };
}

const stopped = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));

let attempts = 0;
/** One shopper's checkout of `quantity` of a product, from a page on the server's own origin. */
async function checkout(server: Server, productId: string, quantity = 1) {
  const origin = server.url.replace('127.0.0.1', 'localhost');
  const res = await fetch(`${server.url}/api/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ lines: [{ productId, quantity }], locale: 'en', returnUrl: `${origin}/shop`, attempt: `shopper-page-view-${++attempts}` }),
  });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } };
}

/** The sessions the local Stripe made for this product. */
const sessionsFor = (productId: string) => local.sessions.list().filter((s) => JSON.stringify(s.metadata ?? {}).includes(productId));

describe('50 concurrent checkouts for the last 3 units', () => {
  it('make exactly 3 Checkout Sessions on one Node process on PGlite; the other 47 are sold_out', async () => {
    const server = await startServer({ FANSHOP_DATA_DIR: join(work, 'one-process'), FANSHOP_CATALOG: catalogWith('one-process', { 'black-forest-honey': 3 }) });
    const results = await Promise.all(Array.from({ length: 50 }, () => checkout(server, 'black-forest-honey')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && r.body.error?.code === 'sold_out')).toHaveLength(47);
    expect(sessionsFor('black-forest-honey')).toHaveLength(3);
    server.child.kill('SIGTERM');
    await stopped(server.child);
  }, 120_000);

  it('make exactly 3 Checkout Sessions on two Node processes sharing one Postgres server', async () => {
    const env = { DATABASE_URL: postgres.url, FANSHOP_CATALOG: catalogWith('two-processes', { 'masala-chai-blend': 3 }) };
    // Both start at once: the migrations run once, under the lock, whichever comes first.
    const [a, b] = await Promise.all([startServer({ ...env, FANSHOP_DATA_DIR: join(work, 'a') }), startServer({ ...env, FANSHOP_DATA_DIR: join(work, 'b') })]);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => checkout(i % 2 ? a : b, 'masala-chai-blend')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && r.body.error?.code === 'sold_out')).toHaveLength(47);
    expect(sessionsFor('masala-chai-blend')).toHaveLength(3);
    // Both processes served some of the answers.
    expect(new Set(results.map((_, i) => (i % 2 ? 'a' : 'b'))).size).toBe(2);
    for (const s of [a, b]) s.child.kill('SIGTERM');
    await Promise.all([stopped(a.child), stopped(b.child)]);
  }, 120_000);
});

describe('kill -9 during a burst of likes, checkouts and webhooks', () => {
  it('loses nothing the server acknowledged, over 3 rounds', async () => {
    const dir = join(work, 'crash');
    const catalog = catalogWith('crash', { 'stoneware-teapot': 100_000 });
    const likes: { productId: string; shopper: string }[] = [];
    const sessions: string[] = [];
    const orders: string[] = [];
    const products = demo.products.slice(0, 20).map((p) => p.id);
    // Sessions paid at the local Stripe beforehand, whose events the burst delivers.
    const paid: Stripe.Checkout.Session[] = [];
    for (let round = 0; round < 3; round += 1) {
      const server = await startServer({ FANSHOP_DATA_DIR: dir, FANSHOP_CATALOG: catalog });
      for (let i = 0; i < 30; i += 1) {
        const made = await checkout(server, 'stoneware-teapot');
        const res = await fetch(`${local.url}/c/pay/${made.body.id}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' }) });
        expect(res.status).toBe(303);
        paid.push(await stripe.checkout.sessions.retrieve(made.body.id!));
      }
      const burst = async (n: number) => {
        const kind = n % 3;
        try {
          if (kind === 0) {
            const like = { productId: products[n % products.length]!, shopper: `crash-shopper-${round}-${n}-xxxxxx` };
            const res = await fetch(`${server.url}/api/likes/${like.productId}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url.replace('127.0.0.1', 'localhost') }, body: JSON.stringify({ shopper: like.shopper, liked: true }) });
            if (res.status === 200) likes.push(like);
          } else if (kind === 1) {
            const made = await checkout(server, 'stoneware-teapot');
            if (made.status === 200) sessions.push(made.body.id!);
          } else {
            const session = paid.shift();
            if (!session) return;
            const payload = JSON.stringify({ id: `evt_crash_${session.id.slice(-16)}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } });
            const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret });
            const res = await fetch(`${server.url}/api/webhooks/stripe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload });
            if (res.status === 200) orders.push(session.id);
          }
        } catch {
          // The connection died with the server: not acknowledged.
        }
      };
      // Ten requests in flight at any time until the kill, which comes 0.5 to 1.5 s in.
      let next = 0;
      let killed = false;
      const workers = Array.from({ length: 10 }, async () => {
        while (!killed) await burst(next++);
      });
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(workers);
      await stopped(server.child);
    }
    console.log(`[kill -9] acknowledged before the kills: ${likes.length} likes, ${sessions.length} checkouts, ${orders.length} webhooks (orders)`);
    expect(likes.length).toBeGreaterThan(10);
    expect(sessions.length).toBeGreaterThan(10);
    expect(orders.length).toBeGreaterThan(5);

    // A restart after the last kill, and then the database itself, read by the test.
    const server = await startServer({ FANSHOP_DATA_DIR: dir, FANSHOP_CATALOG: catalog });
    const liked = await Promise.all(likes.map(async ({ productId, shopper }) => (await (await fetch(`${server.url}/api/likes?ids=${productId}&shopper=${shopper}`, { headers: { Origin: server.url.replace('127.0.0.1', 'localhost') } })).json()) as { liked: string[] }));
    expect(liked.filter((answer, i) => !answer.liked.includes(likes[i]!.productId))).toEqual([]);
    // Every acknowledged checkout still holds its unit: the teapot's live stock is at most what is left after them.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const envelope = (await (await fetch(`${server.url}/catalog.json?fanshop=1`)).json()) as { catalog: { products: { id: string; stock?: number }[] } };
    const teapot = envelope.catalog.products.find((p) => p.id === 'stoneware-teapot')!.stock!;
    // The 90 sessions paid beforehand were acknowledged checkouts too: each unit is held or sold.
    expect(teapot).toBeLessThanOrEqual(100_000 - 90 - sessions.length);
    server.child.kill('SIGTERM');
    await stopped(server.child);
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      const saved = new Set((await data.orders.listOrders()).map((o) => o.id));
      expect(orders.filter((id) => !saved.has(id))).toEqual([]);
    } finally {
      await data.close();
    }
  }, 240_000);
});
