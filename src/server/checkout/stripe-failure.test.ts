import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';

/**
 * What the shopper gets when Stripe does not create the session: a 502 to try again when Stripe
 * cannot be reached or fails itself, a 500 (and a loud log) when Stripe refuses what this server
 * asked for, which only a fix of the server or its catalog can mend. Each against a real
 * counterpart: the local test-mode Stripe, a port nobody listens on, a server answering 500.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const origin = 'http://localhost:8787';
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let failing: Server;
let closedPort: number;

let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: 'whsec_failure', log: () => {} });
  // Stripe having a bad moment: every call answers 500 with Stripe's api_error body.
  failing = createServer((_, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } })));
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  await data.close();
  await local.close();
  await new Promise((resolve) => failing.close(resolve));
});
afterEach(() => vi.restoreAllMocks());

const sdkAt = (port: number) => new Stripe('sk_test_unused', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
function app(stripe: Stripe, catalog = demo) {
  return createApp({
    catalog: { read: async () => catalog },
    checkout: { stripe, stock: data.stock, shippingCountries: [], allowPromotionCodes: false, allowedOrigins: [origin], maxQuantity: 99, maxLines: 50, rateLimitPerMinute: 1000, maxBodyBytes: 32 * 1024, clientAddress: () => 'client' },
  });
}
const post = (a: ReturnType<typeof app>, returnUrl = `${origin}/shop`) =>
  a.request('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }], returnUrl }) });
const answer = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code });

describe('POST /api/checkout when Stripe does not create the session', () => {
  it('answers 502 payment_provider_error when Stripe cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await answer(await post(app(sdkAt(closedPort))))).toEqual({ status: 502, code: 'payment_provider_error' });
  });

  it('answers 502 payment_provider_error when Stripe fails with a 5xx', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await answer(await post(app(sdkAt((failing.address() as AddressInfo).port))))).toEqual({ status: 502, code: 'payment_provider_error' });
  });

  it('answers 500 internal_error, and logs it as a bug naming Stripe’s reason, when Stripe refuses the parameters', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A catalog price that this Stripe account does not have: Stripe answers 400 resource_missing.
    const catalog = JSON.parse(demo);
    catalog.products.find((p: { id: string }) => p.id === 'bircher-muesli-mix').stripePriceId = 'price_not_in_this_account';
    expect(await answer(await post(app(sdkFor(local, { maxNetworkRetries: 0 }), JSON.stringify(catalog))))).toEqual({ status: 500, code: 'internal_error' });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/bug[^]*line_items\[0\]\[price\][^]*No such price/i));
  });

  it.each(['blob:http://localhost:8787/0b5c3b1e-1d1c-4a57-9c1a-6e1f1f1f1f1f', 'javascript:alert(1)', 'data:text/html,hi'])(
    'refuses the return URL %s, which is not a page of an allowed origin, with 400 invalid_request',
    async (returnUrl) => {
      const before = local.sessions.list().length;
      expect(await answer(await post(app(sdkFor(local, { maxNetworkRetries: 0 })), returnUrl))).toEqual({ status: 400, code: 'invalid_request' });
      expect(local.sessions.list()).toHaveLength(before);
    },
  );
});

describe('GET /api/checkout/sessions/:id when Stripe does not answer', () => {
  it('answers 502 payment_provider_error when Stripe cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await answer(await app(sdkAt(closedPort)).request('/api/checkout/sessions/cs_test_abc'))).toEqual({ status: 502, code: 'payment_provider_error' });
  });

  it('answers 500 internal_error when Stripe refuses the key this server uses', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const wrongKey = sdkFor({ port: local.port, secretKey: 'sk_test_not_this_one' }, { maxNetworkRetries: 0 });
    expect(await answer(await app(wrongKey).request('/api/checkout/sessions/cs_test_abc'))).toEqual({ status: 500, code: 'internal_error' });
  });
});
