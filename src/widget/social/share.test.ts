import { describe, expect, it } from 'vitest';
import { facebookShareUrl, productPageUrl, whatsappShareUrl } from './share';

describe('share links', () => {
  it('share the product page under the shop’s base URL, with the id encoded', () => {
    expect(productPageUrl('https://shop.example/', 'café cup')).toBe('https://shop.example/p/caf%C3%A9%20cup');
  });

  it('use the plain sharer without an app id', () => {
    expect(facebookShareUrl('https://shop.example/p/mug', {})).toBe('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2Fp%2Fmug');
  });

  it('use the Share Dialog with app_id, href and the hashtag when there is an app id', () => {
    const url = new URL(facebookShareUrl('https://shop.example/p/mug', { appId: '1234', hashtag: 'mugs' }));
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/dialog/share');
    expect(Object.fromEntries(url.searchParams)).toEqual({ app_id: '1234', display: 'page', href: 'https://shop.example/p/mug', hashtag: '#mugs' });
  });

  it('put title and page into the WhatsApp text', () => {
    expect(whatsappShareUrl('https://shop.example/p/mug', 'Mug & co')).toBe('https://wa.me/?text=Mug%20%26%20co%20https%3A%2F%2Fshop.example%2Fp%2Fmug');
  });
});
