import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { webhookReceiver, sdkFor } from './testing';

/** Embedded pages (return_url, client secret) and sessions that run out of time. */

const WEBHOOK_SECRET = 'whsec_pay_test';
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let local: StartedLocalStripe;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await webhookReceiver(() => 200);
  local = await startLocalStripe({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, log: () => {} });
  stripe = sdkFor(local);
});
afterAll(async () => {
  await local.close();
  await receiver.close();
});
afterEach(() => {
  receiver.received.length = 0;
});

const pay = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields), headers: { 'Accept-Language': 'en' } });
const goodCard = { email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };

describe('embedded_page sessions', () => {
  const embedded = () =>
    stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded_page',
      line_items: [{ price_data: { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt' } }, quantity: 1 }],
      return_url: 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}',
    });

  it('opens with the client secret only, and not under the hosted URL', async () => {
    const session = await embedded();
    expect((await fetch(`${local.url}/c/embedded/${session.id}?client_secret=${session.client_secret}`)).status).toBe(200);
    expect((await fetch(`${local.url}/c/embedded/${session.id}?client_secret=wrong`)).status).toBe(404);
    expect((await fetch(`${local.url}/c/pay/${session.id}`)).status).toBe(404);
  });

  it('after paying, tells Stripe.js on the shop’s page (and only there) to go to return_url', async () => {
    const session = await embedded();
    const res = await pay(`${local.url}/c/embedded/${session.id}?client_secret=${session.client_secret}`, goodCard);
    // Stripe's frame does not navigate itself: Stripe.js sends the whole tab to return_url.
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-embedded data-shop-origin="https://shop.example"');
    expect(html).toContain(`data-complete="https://shop.example/return?session_id=${session.id}"`);
    expect(html).toContain('<script src="../embedded.js" defer></script>');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self' https://shop.example");
    expect(receiver.received).toHaveLength(1);
  });

  it('leaves the shopper on the page for the shop’s onComplete when the session says never', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded_page',
      redirect_on_completion: 'never',
      line_items: [{ price_data: { currency: 'eur', unit_amount: 990, product_data: { name: 'Sticker set' } }, quantity: 1 }],
    });
    const html = await (await pay(`${local.url}/c/embedded/${session.id}?client_secret=${session.client_secret}`, goodCard)).text();
    expect(html).toContain('data-complete=""');
  });

  it('serves the stand-in Stripe.js and the frame script as JavaScript', async () => {
    for (const path of ['/js/stripe.js', '/c/embedded.js']) {
      const res = await fetch(`${local.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/);
      const source = await res.text();
      expect(() => new Function(source)).not.toThrow();
    }
  });
});

describe('expiry', () => {
  it('shows an expired session as expired, on the page and through the API', async () => {
    let now = Date.now();
    const clocked = await startLocalStripe({ webhookSecret: WEBHOOK_SECRET, now: () => now, log: () => {} });
    try {
      const client = sdkFor(clocked);
      const session = await client.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price_data: { currency: 'eur', unit_amount: 990, product_data: { name: 'Sticker set' } }, quantity: 1 }],
        success_url: 'https://shop.example/thanks',
        cancel_url: 'https://shop.example/cart',
      });
      now += 24 * 60 * 60 * 1000 + 1000;
      const res = await fetch(session.url!, { headers: { 'Accept-Language': 'en' } });
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).toContain('This checkout has expired.');
      expect(html).toContain('href="https://shop.example/cart"');
      expect(await client.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired', url: null });
    } finally {
      await clocked.close();
    }
  });
});
