import { spawnSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startNodeServer, type NodeServer } from './node-server';
import { SettingsError } from './settings/schema';
import type { RestockNotice } from './wishes/restock';

/**
 * The Node server as `npm start` runs it: in this process on a free port, and the built
 * dist/server/node.mjs as a child process for how it refuses to start.
 */
const root = new URL('../../', import.meta.url).pathname;
const clientDir = join(root, 'public');
const dataDir = mkdtempSync(join(tmpdir(), 'fanshop-node-'));
const started: NodeServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  rmSync(dataDir, { recursive: true, force: true });
});
let servers = 0;
const start = async (env: Record<string, string>) => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  // A data directory each: the embedded database is one server's.
  const server = await startNodeServer({ PORT: '0', HOST: '127.0.0.1', FANSHOP_DATA_DIR: join(dataDir, `server-${(servers += 1)}`), ...env }, { clientDir });
  started.push(server);
  return server;
};

// Each case starts a real server with its embedded database: seconds on a busy machine.
describe('the Node server', { timeout: 20_000 }, () => {
  it('refuses to start in production without STRIPE_SECRET_KEY, naming it', async () => {
    await expect(start({ NODE_ENV: 'production' })).rejects.toThrow(SettingsError);
    await expect(start({ NODE_ENV: 'production' })).rejects.toThrow(/STRIPE_SECRET_KEY/);
  });

  it('refuses to start with a bad setting, naming each', async () => {
    await expect(start({ FANSHOP_MAX_LINES: '0', FANSHOP_PROMOTION_CODES: 'maybe' })).rejects.toThrow(/FANSHOP_PROMOTION_CODES="maybe"[^]*FANSHOP_MAX_LINES="0"/);
  });

  it('without a key, runs the local test-mode Stripe: its pay pages on the shop’s origin, its API not there', async () => {
    const server = await start({});
    expect(server.localStripe).toBe(true);
    expect((await fetch(`${server.url}/_stripe/c/pay.css`)).status).toBe(200);
    expect((await fetch(`${server.url}/_stripe/v1/checkout/sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_local' } })).status).toBe(404);
    const checkout = await fetch(`${server.url}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }], returnUrl: `${server.url}/shop` }),
    });
    expect(checkout.status).toBe(200);
    const { url } = (await checkout.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${server.url}/_stripe/c/pay/cs_test_`));
    expect((await fetch(url)).status).toBe(200);
  });

  it('without a key, takes reviews of what was paid on the test-mode page, signed with the development secret', async () => {
    const server = await start({});
    const checkout = await fetch(`${server.url}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }], returnUrl: `${server.url}/shop` }),
    });
    const { id, url } = (await checkout.json()) as { id: string; url: string };
    const form = new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' });
    await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
    const summary = (await (await fetch(`${server.url}/api/checkout/sessions/${id}`)).json()) as { paid: boolean; review?: { token: string } };
    expect(summary.paid).toBe(true);
    const review = await fetch(`${server.url}/api/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ token: summary.review?.token, productId: 'bircher-muesli-mix', rating: 5, language: 'en' }),
    });
    expect(review.status).toBe(201);
  });

  it('with a key but no FANSHOP_REVIEW_SECRET, warns at start and refuses reviews with 503, saying what to set', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await start({ STRIPE_SECRET_KEY: 'sk_test_not_used_here' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('FANSHOP_REVIEW_SECRET is not set'));
    const review = await fetch(`${server.url}/api/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ token: 'r1.a.b', productId: 'bircher-muesli-mix', rating: 5, language: 'en' }),
    });
    expect(review.status).toBe(503);
    expect(await review.json()).toMatchObject({ error: { code: 'reviews_not_configured' } });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('FANSHOP_REVIEW_SECRET is not set'));
    warn.mockRestore();
    error.mockRestore();
  });

  it('with a key, has no test-mode Stripe at all', async () => {
    const server = await start({ STRIPE_SECRET_KEY: 'sk_test_not_used_here' });
    expect(server.localStripe).toBe(false);
    expect((await fetch(`${server.url}/_stripe/c/pay.css`)).status).toBe(404);
  });
});

describe('the Node server’s studio', { timeout: 120_000 }, () => {
  const logIn = (server: NodeServer, password: string) =>
    fetch(`${server.url}/api/studio/login`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ password }) });
  const printed = () => (console.log as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((args) => args.join(' '));

  it('in the no-key demo, prints a new password at each start, which logs in', async () => {
    const first = await start({});
    const line = printed().find((l) => l.includes(`${first.url}/studio password:`));
    expect(line).toMatch(new RegExp(`^\\[fanshop\\] studio: ${first.url}/studio password: [\\w-]{16}$`));
    const password = line!.split('password: ')[1]!;
    expect((await logIn(first, password)).status).toBe(200);
    expect((await logIn(first, `${password}x`)).status).toBe(401);
    const second = await start({});
    expect(printed().find((l) => l.includes(`${second.url}/studio password:`))).not.toContain(password);
  });

  it('never prints a password it was given, and is off without one when there is a key', async () => {
    const password = 'the merchant’s own password';
    const logged: string[] = [];
    for (const method of ['warn', 'error', 'info'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    const server = await start({ FANSHOP_ADMIN_PASSWORD: password });
    expect((await logIn(server, password)).status).toBe(200);
    expect([...printed(), ...logged].join('\n')).not.toContain(password);
    expect(printed()).toContain(`[fanshop] studio: ${server.url}/studio (the password set in FANSHOP_ADMIN_PASSWORD)`);
    await expect(start({ FANSHOP_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/FANSHOP_ADMIN_PASSWORD=\(a value, not shown\) must be at least 12 characters/);
    const keyed = await start({ STRIPE_SECRET_KEY: 'sk_test_studio', FANSHOP_REVIEW_SECRET: 'x'.repeat(32) });
    expect((await fetch(`${keyed.url}/api/studio/session`)).status).toBe(404);
    expect((await fetch(`${keyed.url}/studio`)).status).toBe(404);
  });
});

describe('the Node server’s onRestock hook', { timeout: 30_000 }, () => {
  it('gets a "Notify me" email once, when the merchant’s catalog file puts the product back in stock', async () => {
    const demo = JSON.parse(readFileSync(join(clientDir, 'catalog.json'), 'utf8')) as { shop: { baseUrl: string }; products: { id: string; stock?: number }[] };
    const file = join(dataDir, 'restock-catalog.json');
    const write = (stock: number) => {
      demo.products.find((p) => p.id === 'enamel-mug-limited')!.stock = stock;
      writeFileSync(file, JSON.stringify(demo));
    };
    write(0);
    const notices: RestockNotice[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const server = await startNodeServer(
      { PORT: '0', HOST: '127.0.0.1', FANSHOP_DATA_DIR: join(dataDir, 'restock'), FANSHOP_CATALOG: file },
      { clientDir, hooks: { onRestock: (notice) => void notices.push(notice) } },
    );
    started.push(server);
    const wish = await fetch(`${server.url}/api/wishes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ productId: 'enamel-mug-limited', email: 'fan@example.com', language: 'en', consent: true }),
    });
    expect(await wish.json()).toEqual({ received: true });
    write(5);
    // The file is looked at once a second (catalog/file.ts); the check follows a request.
    await vi.waitFor(
      async () => {
        await fetch(`${server.url}/catalog.json?fanshop=1`);
        expect(notices).toHaveLength(1);
      },
      { timeout: 10_000, interval: 300 },
    );
    expect(notices[0]).toMatchObject({ product: { id: 'enamel-mug-limited', stock: 5 }, wishes: [{ email: 'fan@example.com', language: 'en' }] });
    expect(notices[0]!.wishes[0]!.unsubscribeUrl).toMatch(new RegExp(`^${demo.shop.baseUrl}/api/wishes/unsubscribe\\?token=u1\\.`));
    write(6);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await fetch(`${server.url}/catalog.json?fanshop=1`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notices).toHaveLength(1);
  });
});

describe('the Node server telling clients apart', { timeout: 20_000 }, () => {
  it('behind a proxy, counts one IPv6 client once however its address is written, and its whole /64 as one', async () => {
    const server = await start({ FANSHOP_TRUSTED_PROXIES: '1', FANSHOP_LIKES_RATE_LIMIT: '1' });
    const like = (forwardedFor: string) =>
      fetch(`${server.url}/api/likes/bircher-muesli-mix`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
        body: JSON.stringify({ shopper: 'shopper-aaaaaaaaaaaa', liked: true }),
      });
    expect((await like('2001:db8:0:7::1')).status).toBe(200);
    for (const sameClient of ['2001:0DB8:0000:0007:0000:0000:0000:0001', '[2001:db8:0:7::1]:443', '2001:db8:0:7:a9f2:1c00:4e:5b1']) expect((await like(sameClient)).status).toBe(429);
    expect((await like('2001:db8:0:8::1')).status).toBe(200);
    expect((await like('203.0.113.9')).status).toBe(200);
    expect((await like('::ffff:203.0.113.9')).status).toBe(429);
  });
});

describe('the Node server refusing a body that is too large', () => {
  /** The bytes a connection receives, and whether the server has closed it. */
  function connection(port: number) {
    const socket: Socket = connect(port, '127.0.0.1');
    const seen = { text: '', closed: false };
    socket.on('data', (data: Buffer) => (seen.text += data.toString('latin1')));
    socket.on('close', () => (seen.closed = true));
    socket.on('error', () => {});
    return { socket, seen, ready: new Promise((resolve) => socket.once('connect', resolve)) };
  }
  const until = async (check: () => boolean, ms = 3000) => {
    for (const started = Date.now(); !check() && Date.now() - started < ms; ) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const answered = (text: string, count: number) => (text.match(/^HTTP\/1\.1 \d{3}/gm) ?? []).length >= count && /\r\n\r\n[^]*$/.test(text);

  /**
   * A keep-alive HTTP/1.1 client, as RFC 9112 §9.6 has it: it sends a body over the limit, and
   * after the refusal either opens a new connection (the answer said "Connection: close") or,
   * on a connection kept alive, sends the rest of the body, at the pace of a slow uplink, and
   * then its next request on the same connection.
   */
  async function nextRequestAfterRefusal(port: number, path: string, headers: string) {
    const first = connection(port);
    await first.ready;
    const length = 400_000;
    first.socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Length: ${length}\r\n\r\n`);
    first.socket.write('a'.repeat(10_000));
    await until(() => /\r\n\r\n/.test(first.seen.text));
    const refusal = first.seen.text;
    let next = first;
    if (/^connection: close\r$/im.test(refusal)) {
      await until(() => first.seen.closed);
      next = connection(port);
      await next.ready;
    } else {
      for (let sent = 10_000; sent < length && !first.seen.closed; sent += 10_000) {
        first.socket.write('a'.repeat(10_000));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const before = next.seen.text.length;
    next.socket.write('GET /catalog.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await until(() => answered(next.seen.text.slice(before), 1) || next.seen.closed);
    first.socket.destroy();
    next.socket.destroy();
    return { refusal: refusal.split('\r\n')[0], closed: first.seen.closed, next: next.seen.text.slice(before).split('\r\n')[0] };
  }

  it.each([
    ['/api/checkout', 'Content-Type: application/json\r\n'],
    ['/api/likes/bircher-muesli-mix', 'Content-Type: application/json\r\n'],
    ['/api/reviews', 'Content-Type: application/json\r\n'],
    ['/api/webhooks/stripe', 'Content-Type: application/json\r\nStripe-Signature: t=1,v1=00\r\n'],
    ['/facebook/tab', 'Content-Type: application/x-www-form-urlencoded\r\n'],
  ])('answers %s with 413 and closes the connection, so the client’s next request succeeds', async (path, headers) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await start({ STRIPE_SECRET_KEY: 'sk_test_not_used_here', STRIPE_WEBHOOK_SECRET: 'whsec_test_node', FB_APP_SECRET: 'node-app-secret' });
    const result = await nextRequestAfterRefusal(server.port, path, headers);
    expect(result).toEqual({ refusal: 'HTTP/1.1 413 Payload Too Large', closed: true, next: 'HTTP/1.1 200 OK' });
  }, 10_000);
});

describe('dist/server/node.mjs', () => {
  const entry = join(root, 'dist/server/node.mjs');

  it('exits 1 with NODE_ENV=production and no key, with a message naming STRIPE_SECRET_KEY', () => {
    expect(existsSync(entry), 'run npm run build first').toBe(true);
    const run = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' }, encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('STRIPE_SECRET_KEY');
    expect(run.stdout).not.toContain('demo shop on');
  });

  it('loads the test-mode Stripe only by a dynamic import, so production never runs its code', () => {
    const code = readFileSync(entry, 'utf8');
    // The tool's module and its function (tools/stripe-local/attach.ts), not a download's
    // `Content-Disposition: attachment` (insights/route.ts).
    const mentions = code.match(/.*attach(-|LocalStripe).*/g) ?? [];
    expect(mentions.length).toBeGreaterThan(0);
    for (const line of mentions) expect(line).toMatch(/import\(/);
  });
});
