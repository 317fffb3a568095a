import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { deliverEvent, signatureHeader, WebhookQueue } from './webhook';

const stripe = new Stripe('sk_test_local');
const secret = 'whsec_webhook_test';
const payload = JSON.stringify({ id: 'evt_1Test', object: 'event', type: 'checkout.session.completed', data: { object: {} } }, null, 2);

describe('signatureHeader', () => {
  it('signs exactly as stripe-node’s own test helper does', async () => {
    const timestamp = 1_767_225_600;
    expect(await signatureHeader(payload, secret, timestamp)).toBe(await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp }));
  });

  it('produces a header constructEventAsync accepts, and rejects under another secret', async () => {
    const header = await signatureHeader(payload, secret, Math.floor(Date.now() / 1000));
    expect((await stripe.webhooks.constructEventAsync(payload, header, secret)).id).toBe('evt_1Test');
    await expect(stripe.webhooks.constructEventAsync(payload, header, 'whsec_other')).rejects.toThrow(/signature/i);
  });
});

describe('deliverEvent', () => {
  const now = () => Date.now();

  it('posts the payload with a fresh signature on each attempt until one succeeds', async () => {
    const calls: { body: string; signature: string; agent: string }[] = [];
    const answers = [503, 200];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({ body: String(init.body), signature: headers.get('Stripe-Signature')!, agent: headers.get('User-Agent')! });
      return new Response(null, { status: answers.shift() });
    }) as typeof fetch;
    const result = await deliverEvent(payload, { url: 'http://shop.test/webhook', secret }, { now, fetch: fakeFetch, log: () => {} });
    expect(result).toEqual({ delivered: true, attempts: 2, status: 200 });
    expect(calls.map((call) => call.body)).toEqual([payload, payload]);
    expect(calls[0]!.agent).toBe('Stripe/1.0 (+https://stripe.com/docs/webhooks)');
    await stripe.webhooks.constructEventAsync(calls[1]!.body, calls[1]!.signature, secret);
  });

  it('counts a redirect as a failure, as Stripe does', async () => {
    const fakeFetch = (async () => new Response(null, { status: 302, headers: { Location: '/elsewhere' } })) as unknown as typeof fetch;
    const logs: string[] = [];
    const result = await deliverEvent(payload, { url: 'http://shop.test/webhook', secret }, { now, fetch: fakeFetch, log: (m) => logs.push(m) });
    expect(result).toMatchObject({ delivered: false, attempts: 3, status: 302 });
    expect(logs[0]).toContain('failed (HTTP 302)');
  });

  it('gives up within its time budget when the endpoint hangs', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const logs: string[] = [];
    const started = Date.now();
    const result = await deliverEvent(payload, { url: 'http://shop.test/webhook', secret }, { now, fetch: hanging, budgetMs: 300, log: (m) => logs.push(m) });
    expect(Date.now() - started).toBeLessThan(600);
    expect(result.delivered).toBe(false);
    expect(logs[0]).toMatch(/^\[fanshop:stripe-local\] webhook evt_1Test to http:\/\/shop\.test\/webhook failed \(TimeoutError/);
  });

  it('logs instead of sending when no webhook URL is configured', async () => {
    const logs: string[] = [];
    expect(await deliverEvent(payload, { secret }, { now, log: (m) => logs.push(m) })).toEqual({ delivered: false, attempts: 0 });
    expect(logs).toEqual(['[fanshop:stripe-local] no webhook URL configured; evt_1Test was not delivered']);
  });
});

describe('WebhookQueue', () => {
  /** A fetch that records event ids, answers after `delayMs` and notes how many requests overlapped. */
  const recording = (delayMs = 0) => {
    const ids: string[] = [];
    let open = 0;
    let mostAtOnce = 0;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      mostAtOnce = Math.max(mostAtOnce, ++open);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      ids.push((JSON.parse(String(init.body)) as { id: string }).id);
      open--;
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    return { ids, fakeFetch, mostAtOnce: () => mostAtOnce };
  };
  const endpoint = { url: 'http://shop.test/webhook', secret };

  it('sends events one at a time in the order they came, and settles when all are out', async () => {
    const shop = recording(20);
    const queue = new WebhookQueue(endpoint, { fetch: shop.fakeFetch, log: () => {} });
    for (const id of ['evt_1', 'evt_2', 'evt_3']) queue.send({ id });
    await queue.settled();
    expect(shop.ids).toEqual(['evt_1', 'evt_2', 'evt_3']);
    expect(shop.mostAtOnce()).toBe(1);
  });

  it('keeps events back while held, and flush sends them in order before any that come later', async () => {
    const shop = recording(5);
    const queue = new WebhookQueue(endpoint, { fetch: shop.fakeFetch, log: () => {} });
    queue.hold();
    queue.send({ id: 'evt_paid' });
    queue.send({ id: 'evt_expired' });
    await queue.settled();
    expect(shop.ids).toEqual([]);
    const flushed = queue.flush();
    queue.send({ id: 'evt_after' });
    await flushed;
    expect(shop.ids).toEqual(['evt_paid', 'evt_expired', 'evt_after']);
  });
});
