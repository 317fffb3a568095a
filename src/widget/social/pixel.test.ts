// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { connectPixel, pixelCall } from './pixel';

const mug = { productId: 'mug', variantId: null, quantity: 2, value: 19.8, currency: 'EUR' };
const shirt = { productId: 'shirt', variantId: 'shirt-m-navy', quantity: 1, value: 29, currency: 'EUR' };

describe('pixelCall', () => {
  it('maps view_item and add_to_cart to ViewContent and AddToCart with ids, contents, value and currency', () => {
    expect(pixelCall('view_item', shirt)).toMatchObject({
      name: 'ViewContent',
      params: { content_ids: ['shirt-m-navy'], content_type: 'product', contents: [{ id: 'shirt-m-navy', quantity: 1 }], value: 29, currency: 'EUR' },
      eventID: expect.stringMatching(/^fanshop\.ViewContent\./),
    });
    expect(pixelCall('add_to_cart', mug)?.name).toBe('AddToCart');
  });

  it('maps begin_checkout to InitiateCheckout with the number of items', () => {
    expect(pixelCall('begin_checkout', { value: 48.8, currency: 'EUR', items: [mug, shirt] })).toMatchObject({
      name: 'InitiateCheckout',
      params: { content_ids: ['mug', 'shirt-m-navy'], contents: [{ id: 'mug', quantity: 2 }, { id: 'shirt-m-navy', quantity: 1 }], num_items: 3, value: 48.8, currency: 'EUR' },
    });
  });

  it('gives Purchase the Checkout Session id as eventID, the id the Conversions API event carries', () => {
    expect(pixelCall('purchase', { transactionId: 'cs_test_123', value: 19.8, currency: 'EUR', items: [mug] })).toEqual({
      name: 'Purchase',
      params: { content_ids: ['mug'], content_type: 'product', contents: [{ id: 'mug', quantity: 2 }], value: 19.8, currency: 'EUR' },
      eventID: 'cs_test_123',
    });
  });

  it('maps search to Search and like to AddToWishlist, and nothing else', () => {
    expect(pixelCall('search', { query: 'tea', categoryId: null, resultCount: 4 })).toMatchObject({ name: 'Search', params: { search_string: 'tea', content_type: 'product' } });
    expect(pixelCall('like', { productId: 'mug', count: 3, value: 9.9, currency: 'EUR' })).toMatchObject({ name: 'AddToWishlist', params: { content_ids: ['mug'], value: 9.9 } });
    expect(pixelCall('unlike', { productId: 'mug', count: 2, value: 9.9, currency: 'EUR' })).toBeNull();
    expect(pixelCall('share', { productId: 'mug', method: 'copy', url: 'x' })).toBeNull();
    expect(pixelCall('remove_from_cart', mug)).toBeNull();
  });

  it('sends no Pixel event for reviews: Meta has no standard one', () => {
    expect(pixelCall('review_open', { productIds: ['mug'] })).toBeNull();
    expect(pixelCall('review_submit', { productId: 'mug', variantId: null, rating: 5, change: false, status: 'published' })).toBeNull();
  });

  it('gives every other event its own eventID', () => {
    expect(pixelCall('add_to_cart', mug)!.eventID).not.toBe(pixelCall('add_to_cart', mug)!.eventID);
  });
});

describe('connectPixel', () => {
  it('uses the page’s fbq and initialises the pixel once', () => {
    const calls: unknown[][] = [];
    const win = { fbq: (...args: unknown[]) => calls.push(args), document } as unknown as Window;
    const send = connectPixel('123', win);
    connectPixel('123', win);
    send('add_to_cart', mug);
    expect(calls.map((c) => c.slice(0, 2))).toEqual([['init', '123'], ['track', 'PageView'], ['track', 'AddToCart']]);
    expect(calls[2]![3]).toEqual({ eventID: expect.any(String) });
  });

  it('installs Meta’s base code when the page has no fbq, queueing calls until fbevents.js arrives', () => {
    const win = { document } as unknown as Window;
    connectPixel('456', win)('search', { query: 'mug', categoryId: null, resultCount: 1 });
    expect((win as unknown as { fbq: { queue: unknown[][] } }).fbq.queue.map((c) => c.slice(0, 2))).toEqual([['init', '456'], ['track', 'PageView'], ['track', 'Search']]);
    expect(document.head.querySelector('script[src="https://connect.facebook.net/en_US/fbevents.js"]')).not.toBeNull();
  });

  it('only sends when a page has fbq but the shop has no pixel id of its own', () => {
    const calls: unknown[][] = [];
    const win = { fbq: (...args: unknown[]) => calls.push(args), document } as unknown as Window;
    connectPixel(undefined, win)('view_item', mug);
    expect(calls.map((c) => c[1])).toEqual(['ViewContent']);
  });
});
