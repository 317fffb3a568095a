import { describe, expect, it } from 'vitest';
import { openInBrowserUrl } from './open-in-browser';

const androidFb = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/450.0.0.0;]';
const iosInstagram = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.0';
const chrome = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Mobile Safari/537.36';

describe('openInBrowserUrl', () => {
  it('gives Android in-app browsers an intent: URL for the same page, the open product as ?product=', () => {
    expect(openInBrowserUrl('https://shop.example/shop?x=1#/p/mug', androidFb)).toBe('intent://shop.example/shop?x=1&product=mug#Intent;scheme=https;action=android.intent.action.VIEW;end');
  });

  it('gives iOS in-app browsers an x-safari-https: URL', () => {
    expect(openInBrowserUrl('https://shop.example/shop', iosInstagram)).toBe('x-safari-https://shop.example/shop');
  });

  it('leaves out a #/p/ link whose escape is malformed instead of throwing', () => {
    expect(openInBrowserUrl('https://shop.example/shop?x=1#/p/%E0', androidFb)).toBe('intent://shop.example/shop?x=1#Intent;scheme=https;action=android.intent.action.VIEW;end');
  });

  it('keeps an id with a percent sign as the shop wrote it', () => {
    expect(openInBrowserUrl('https://shop.example/shop#/p/100%25', iosInstagram)).toBe('x-safari-https://shop.example/shop?product=100%25');
  });

  it('gives nothing in a real browser', () => {
    expect(openInBrowserUrl('https://shop.example/shop', chrome)).toBeNull();
  });
});
