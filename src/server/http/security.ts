import type { MiddlewareHandler } from 'hono';
import { INLINE_STYLE_HASHES } from '../pages/inline-styles';

/**
 * A strict Content-Security-Policy on every page we serve: no inline scripts, no eval, and no
 * inline styles but the few stylesheets the pages send inside them, by their hashes
 * (pages/inline-styles.ts). The demo pages prove the widget runs under it (its styles are
 * constructed stylesheets).
 * `framable` pages (the shop itself) may be framed by any site: merchants frame them; a list of
 * sources instead allows only those (the Facebook Page tab: facebook/tab-route.ts). `stripe`
 * opens the policy to Stripe.js, for embedded checkout with real keys.
 */
export function strictCsp(options: { framable?: boolean | readonly string[]; stripe?: boolean } = {}): string {
  // Stripe's embedded checkout (real keys) loads Stripe.js and frames Stripe's pages; these are
  // the hosts Stripe lists: https://docs.stripe.com/security/guide#content-security-policy
  const stripe = (hosts: string) => (options.stripe ? ` ${hosts}` : '');
  return [
    "default-src 'self'",
    `script-src 'self'${stripe('https://js.stripe.com https://*.js.stripe.com')}`,
    `style-src 'self' ${INLINE_STYLE_HASHES.join(' ')}`,
    `img-src 'self' data:${stripe('https://*.stripe.com')}`,
    `connect-src 'self'${stripe('https://api.stripe.com https://checkout.stripe.com')}`,
    `frame-src 'self'${stripe('https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${typeof options.framable === 'object' ? options.framable.join(' ') : options.framable ? '*' : "'self'"}`,
  ].join('; ');
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  // A route may be stricter (the unsubscribe page, whose URL holds a token: no-referrer).
  if (!c.res.headers.has('Referrer-Policy')) c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
};
