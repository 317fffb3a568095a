import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Order } from '../orders/order';
import { purchaseEvent } from './purchase-event';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const order = (overrides: Partial<Order> = {}): Order => ({
  id: 'cs_test_abc',
  createdAt: '2026-11-23T12:00:00.000Z',
  livemode: false,
  currency: 'USD',
  amountSubtotal: 4980,
  amountTotal: 5480,
  customerEmail: '  Fan@Example.com ',
  shippingAddress: { name: 'Sam Fan', line1: '1 Main St', line2: null, postalCode: '63101-1234', city: 'St. Louis', state: 'MO', country: 'US' },
  lines: [
    { productId: 'shirt', variantId: 'shirt-m', title: 'Shirt M', quantity: 1, amountTotal: 2490 },
    { productId: 'shirt', variantId: 'shirt-l', title: 'Shirt L', quantity: 1, amountTotal: 2490 },
    { productId: null, variantId: null, title: 'Gift wrap', quantity: 1, amountTotal: 0 },
  ],
  paymentIntent: 'pi_1',
  oversold: false,
  ...overrides,
});

describe('purchaseEvent', () => {
  it('normalises as Meta asks before hashing: US ZIP+4 to five digits, city without punctuation or spaces', async () => {
    const event = await purchaseEvent(order(), { success_url: 'https://shop.example/p?session_id={CHECKOUT_SESSION_ID}' }, 1_790_000_000);
    expect(event.user_data).toEqual({ em: [sha256('fan@example.com')], ct: [sha256('stlouis')], zp: [sha256('63101')], country: [sha256('us')] });
    expect(event.event_source_url).toBe('https://shop.example/p?session_id=cs_test_abc');
    expect(event.custom_data).toMatchObject({ currency: 'USD', value: 54.8 });
  });

  it('names each line by the catalog feed’s item id, the variant’s where there is one, as the Pixel does, in order', async () => {
    const lines = [
      { productId: 'shirt', variantId: 'shirt-m', title: 'Shirt M', quantity: 1, amountTotal: 2490 },
      { productId: 'mug', variantId: null, title: 'Mug', quantity: 2, amountTotal: 1800 },
      { productId: 'shirt', variantId: 'shirt-l', title: 'Shirt L', quantity: 1, amountTotal: 2490 },
      { productId: null, variantId: null, title: 'Gift wrap', quantity: 1, amountTotal: 0 },
    ];
    const event = await purchaseEvent(order({ lines }), { success_url: null }, 1);
    expect(event.custom_data).toMatchObject({ content_type: 'product', content_ids: ['shirt-m', 'mug', 'shirt-l'], contents: [{ id: 'shirt-m', quantity: 1 }, { id: 'mug', quantity: 2 }, { id: 'shirt-l', quantity: 1 }] });
  });

  it('keeps letters of any script in a city and drops spaces and dashes from other postal codes', async () => {
    const event = await purchaseEvent(order({ shippingAddress: { name: null, line1: null, line2: null, postalCode: 'SW1A 1AA', city: 'Saint-Étienne', state: null, country: 'GB' } }), { success_url: null }, 1);
    expect(event.user_data).toMatchObject({ ct: [sha256('saintétienne')], zp: [sha256('sw1a1aa')], country: [sha256('gb')] });
  });

  it('sends the checkout browser’s user agent and the Pixel’s fbp and fbc, unhashed, from the session metadata', async () => {
    const metadata = { fanshop_cart: '[]', fanshop_ua: 'Mozilla/5.0 (iPhone) FBAN/FBIOS', fanshop_fbp: 'fb.1.1790000000000.123456789', fanshop_fbc: 'fb.1.1790000000000.IwAR2abc' };
    const event = await purchaseEvent(order(), { success_url: null, metadata }, 1);
    expect(event.user_data).toMatchObject({ client_user_agent: 'Mozilla/5.0 (iPhone) FBAN/FBIOS', fbp: 'fb.1.1790000000000.123456789', fbc: 'fb.1.1790000000000.IwAR2abc' });
  });

  it('leaves out what is not known: no email, no address, no return page', async () => {
    const event = await purchaseEvent(order({ customerEmail: null, shippingAddress: null }), { success_url: null }, 1);
    expect(event.user_data).toEqual({});
    expect('event_source_url' in event).toBe(false);
  });

  it('uses the embedded checkout’s return_url, and the currency’s own exponent for the value', async () => {
    const event = await purchaseEvent(order({ currency: 'JPY', amountTotal: 3200 }), { success_url: null, return_url: 'https://shop.example/?s={CHECKOUT_SESSION_ID}' }, 1);
    expect(event.event_source_url).toBe('https://shop.example/?s=cs_test_abc');
    expect(event.custom_data.value).toBe(3200);
  });
});
