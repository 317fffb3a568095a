import type { MiddlewareHandler } from 'hono';

/**
 * A strict Content-Security-Policy on every page we serve: no inline scripts or styles, no eval.
 * The demo pages prove the widget runs under it (its styles are constructed stylesheets).
 * `framable` pages (the shop itself) may be framed by any site: merchants frame them.
 */
export function strictCsp(options: { framable?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.framable ? '*' : "'self'"}`,
  ].join('; ');
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
};
