import { isInAppBrowser } from '../checkout/handoff';
import { productFromUrl } from '../shop/router';

/**
 * "Open in browser" for Facebook's and Instagram's in-app browsers, where Apple Pay and Google
 * Pay are not offered: a link that hands this page to the phone's own browser. Android opens
 * an `intent:` URL in the default browser
 * (https://developer.chrome.com/docs/android/intents); iOS opens `x-safari-https:` URLs in
 * Safari (iOS 17 and later). Elsewhere, or for other in-app browsers, there is no such link.
 */
export function openInBrowserUrl(pageUrl: string, userAgent: string): string | null {
  if (!isInAppBrowser(userAgent)) return null;
  const url = new URL(pageUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // An intent: URL ends in its own #Intent;…; the open product travels as ?product= instead.
  const product = productFromUrl(url);
  if (product) url.searchParams.set('product', product);
  url.hash = '';
  const scheme = url.protocol.slice(0, -1);
  const rest = url.href.slice(url.protocol.length + 2);
  if (/Android/i.test(userAgent)) return `intent://${rest}#Intent;scheme=${scheme};action=android.intent.action.VIEW;end`;
  if (/iPhone|iPad|iPod/i.test(userAgent)) return `x-safari-${url.href}`;
  return null;
}
