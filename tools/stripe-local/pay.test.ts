import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { webhookReceiver, sdkFor } from './testing';

/**
 * The shopper's side through real HTTP: the pay page under fetch, a test card, the redirect to
 * the shop, and the signed webhook arriving at a plain node:http server that verifies it with
 * stripe-node, as the shop's webhook route would.
 */

const WEBHOOK_SECRET = 'whsec_pay_test';

let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let receiverStatus = 200;
let local: StartedLocalStripe;
let stripe: Stripe;
const logged: string[] = [];

beforeAll(async () => {
  receiver = await webhookReceiver(() => receiverStatus);
  local = await startLocalStripe({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, log: (message) => logged.push(message) });
  stripe = sdkFor(local);
});
afterAll(async () => {
  await local.close();
  await receiver.close();
});
afterEach(() => {
  receiver.received.length = 0;
  receiverStatus = 200;
  logged.length = 0;
});

const hosted = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt' } }, quantity: 2 }],
    success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/cart',
    ...extra,
  });

const pay = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields), headers: { 'Accept-Language': 'en' } });
const goodCard = { email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };

describe('the pay page', () => {
  it('is clearly marked as test mode and shows the lines and total in the session’s locale', async () => {
    const session = await hosted({ locale: 'de' });
    const res = await fetch(session.url!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Testmodus: keine echte Zahlung');
    expect(html).toContain('Tour Shirt');
    expect(html.replace(/\u00a0/g, ' ')).toContain('49,80 €');
    expect(html).toContain('href="https://shop.example/cart"');
    expect(html).toMatch(/<html lang="de">/);
  });

  it('says “Test mode: no real payment” in English and offers the Pay button with the total', async () => {
    const session = await hosted();
    const html = await (await fetch(session.url!, { headers: { 'Accept-Language': 'en-US,en;q=0.8' } })).text();
    expect(html).toContain('Test mode: no real payment');
    expect(html).toContain('Pay €49.80');
    expect(html).toContain('Cancel and return to the shop');
    expect(html).toMatch(/<form class="pay-form" method="post"/);
  });

  it('runs under a strict CSP with no inline script or style', async () => {
    const session = await hosted();
    const res = await fetch(session.url!);
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self' https://shop.example");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toContain('<link rel="stylesheet" href="../pay.css">');
    const css = await fetch(`${local.url}/c/pay.css`);
    expect(css.headers.get('Content-Type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.pay-button');
  });

  it('asks for name and address only when the session collects a shipping address', async () => {
    const plain = await (await fetch((await hosted()).url!)).text();
    expect(plain).not.toContain('name="line1"');
    const shipping = await (await fetch((await hosted({ shipping_address_collection: { allowed_countries: ['DE', 'AT'] } })).url!)).text();
    expect(shipping).toContain('autocomplete="shipping address-line1"');
    expect(shipping).toMatch(/<option value="AT">Austria<\/option>/);
  });

  it('answers 404 for a session that does not exist', async () => {
    const res = await fetch(`${local.url}/c/pay/cs_test_nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This checkout does not exist.');
  });
});

describe('paying', () => {
  it('redirects to success_url with the session id and sends a signed checkout.session.completed', async () => {
    const session = await hosted();
    const res = await pay(session.url!, goodCard);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`https://shop.example/thanks?session_id=${session.id}`);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const event = await stripe.webhooks.constructEventAsync(delivery!.body, delivery!.signature, WEBHOOK_SECRET);
    expect(event.type).toBe('checkout.session.completed');
    expect(event).toMatchObject({ object: 'event', api_version: Stripe.API_VERSION, livemode: false });
    const paid = event.data.object as Stripe.Checkout.Session;
    expect(paid).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', amount_total: 4980 });

    const retrieved = await stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved).toMatchObject({ status: 'complete', payment_status: 'paid', url: null, customer_details: { email: 'fan@example.com' } });
    expect(retrieved.payment_intent).toMatch(/^pi_/);
  });

  it('records the shipping address the shopper entered', async () => {
    const session = await hosted({ shipping_address_collection: { allowed_countries: ['DE', 'AT'] } });
    const address = { name: 'Kim Fan', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' };
    expect((await pay(session.url!, { ...goodCard, ...address })).status).toBe(303);
    const retrieved = await stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.collected_information?.shipping_details).toEqual({
      name: 'Kim Fan',
      address: { line1: 'Hauptstraße 1', line2: null, postal_code: '10115', city: 'Berlin', state: null, country: 'DE' },
    });
    expect(retrieved.customer_details?.name).toBe('Kim Fan');
  });

  it('shows “Your card was declined.” for 4000 0000 0000 0002, keeps the session open and sends nothing', async () => {
    const session = await hosted();
    const res = await pay(session.url!, { ...goodCard, number: '4000 0000 0000 0002' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<p class="alert" id="pay-problem" role="alert">Your card was declined\.<\/p>/);
    expect(html).toContain('value="fan@example.com"');
    expect(html).not.toContain('value="123"');
    expect(receiver.received).toHaveLength(0);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('calls any other card number invalid', async () => {
    const session = await hosted();
    const html = await (await pay(session.url!, { ...goodCard, number: '5555 5555 5555 4444' })).text();
    expect(html).toContain('Your card number is invalid.');
    expect(html).toMatch(/name="number"[^>]*aria-invalid="true"/);
  });

  it('refuses an expiry date in the past', async () => {
    const session = await hosted();
    const html = await (await pay(session.url!, { ...goodCard, expiry: '01 / 20' })).text();
    expect(html.replaceAll('&#39;', "'")).toContain("Your card's expiration date is in the past.");
  });

  it('uses the customer_email the shop passed, not one typed into the form', async () => {
    const session = await hosted({ customer_email: 'known@example.com' });
    const page = await (await fetch(session.url!)).text();
    expect(page).toMatch(/value="known@example.com" readonly|readonly[^>]*value="known@example.com"/);
    await pay(session.url!, { ...goodCard, email: 'other@example.com' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).customer_details?.email).toBe('known@example.com');
  });

  it('shows “already paid” on a second submit and sends no second webhook', async () => {
    const session = await hosted();
    await pay(session.url!, goodCard);
    const again = await pay(session.url!, goodCard);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('This checkout is already paid.');
    expect(receiver.received).toHaveLength(1);
  });

  it('redirects without the webhook while deliveries are held, and sends it on flush', async () => {
    const session = await hosted();
    local.webhooks.hold();
    try {
      expect((await pay(session.url!, goodCard)).status).toBe(303);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await local.webhooks.flush();
    }
    expect(receiver.received).toHaveLength(1);
    const event = await stripe.webhooks.constructEventAsync(receiver.received[0]!.body, receiver.received[0]!.signature, WEBHOOK_SECRET);
    expect(event).toMatchObject({ type: 'checkout.session.completed', data: { object: { id: session.id } } });
  });

  it('still redirects when the webhook endpoint fails, after 3 quick attempts, and logs it', async () => {
    receiverStatus = 500;
    const session = await hosted();
    const started = Date.now();
    const res = await pay(session.url!, goodCard);
    expect(res.status).toBe(303);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(receiver.received).toHaveLength(3);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[fanshop:stripe-local\] webhook evt_\w+ to http:\/\/127\.0\.0\.1:\d+\/webhook failed \(HTTP 500\)/);
  });
});
