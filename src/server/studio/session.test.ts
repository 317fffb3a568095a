import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { isLocalHttp, sessionKeeper } from './session';
import { sameOrigin } from './guard';

/** A tiny app around one keeper: /start sets a cookie at `?at=`, /read reads it at `?at=`. */
function harness(secret: string) {
  const keeper = sessionKeeper(secret);
  const app = new Hono();
  app.get('/start', async (c) => c.json({ expires: (await keeper.start(c, Number(c.req.query('at')))).getTime() }));
  app.get('/read', async (c) => c.json({ session: (await keeper.read(c, Number(c.req.query('at')))) ?? null }));
  app.get('/end', async (c) => (await keeper.end(c), c.body(null, 204)));
  return app;
}

describe('the studio session cookie', () => {
  it('is read back until it expires, and not after', async () => {
    const app = harness('secret one');
    const started = await app.request('http://localhost/start?at=1000000000000');
    const cookie = started.headers.get('Set-Cookie')!.split(';')[0]!;
    const read = async (at: number, c = cookie, a = app) => ((await (await a.request(`http://localhost/read?at=${at}`, { headers: { Cookie: c } })).json()) as { session: unknown }).session;
    expect(await read(1000000000000 + 3_600_000)).toMatchObject({ expiresAt: new Date(1000000000000 + 12 * 3_600_000).toISOString() });
    expect(await read(1000000000000 + 12 * 3_600_000)).toBeNull();
    // Signed under another secret: refused.
    expect(await read(1000000000000, cookie, harness('secret two'))).toBeNull();
    // Logged out: refused, though its signature is good.
    await app.request('http://localhost/end', { headers: { Cookie: cookie } });
    expect(await read(Date.now())).toBeNull();
  });

  it('is Secure everywhere but plain http to this machine', () => {
    expect(isLocalHttp('http://localhost:8787/studio')).toBe(true);
    expect(isLocalHttp('http://127.0.0.1/studio')).toBe(true);
    expect(isLocalHttp('http://[::1]:8787/studio')).toBe(true);
    expect(isLocalHttp('https://localhost/studio')).toBe(false);
    expect(isLocalHttp('http://shop.example/studio')).toBe(false);
    expect(isLocalHttp('http://localhost.evil.example/studio')).toBe(false);
  });
});

describe('sameOrigin', () => {
  const check = async (url: string, origin?: string) => {
    const app = new Hono();
    app.post('*', (c) => c.json(sameOrigin(c)));
    return (await app.request(url, { method: 'POST', headers: origin === undefined ? {} : { Origin: origin } })).json();
  };
  it('takes the shop’s own origin, and https for a server behind a TLS proxy', async () => {
    expect(await check('http://localhost:8787/api/studio/x', 'http://localhost:8787')).toBe(true);
    expect(await check('http://shop.example/api/studio/x', 'https://shop.example')).toBe(true);
  });
  it('refuses another host, port or scheme, a missing or opaque origin', async () => {
    expect(await check('http://localhost:8787/x', 'http://localhost:8788')).toBe(false);
    expect(await check('https://shop.example/x', 'http://shop.example')).toBe(false);
    expect(await check('https://shop.example/x', 'https://shop.example.evil.example')).toBe(false);
    expect(await check('https://shop.example/x', 'null')).toBe(false);
    expect(await check('https://shop.example/x')).toBe(false);
  });
});
