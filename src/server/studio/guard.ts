import type { Context, MiddlewareHandler } from 'hono';
import { apiError, errorResponse } from '../http/api-error';
import { choosePageLanguage } from '../pages/page-locale';
import type { SessionKeeper } from './session';
import { studioOffPage, studioShell } from './page';

/** What a route behind the guard finds in `c.get('studioSession')`. */
export type StudioEnv = { Variables: { studioSession: { id: string; expiresAt: Date } } };

/** The only studio request that needs no session: the login itself (still same-origin only). */
const LOGIN = '/api/studio/login';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request's `Origin` is the shop's own: the same host, over the request's own scheme
 * or https (behind a TLS-terminating proxy the server itself sees http). A browser sends Origin
 * with every POST, PUT and DELETE, its own page's included; one without it is no browser's.
 */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('Origin');
  if (!origin || !URL.canParse(origin)) return false;
  const from = new URL(origin);
  const to = new URL(c.req.url);
  return from.host === to.host && (from.protocol === to.protocol || from.protocol === 'https:') && from.origin === origin;
}

export const pageLanguage = (c: Context) => choosePageLanguage({ query: c.req.query('locale'), acceptLanguage: c.req.header('Accept-Language') });

/** An HTML answer of the studio: its own page, never cached, never framed. */
export function studioHtml(c: Context, body: string, status: 200 | 401 | 404, csp: string): Response {
  return c.body(body, status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store', Vary: 'Accept-Language' });
}

/**
 * `studioGuard`, in front of every `/studio*` and `/api/studio/*` route (app.ts mounts it before
 * any of them, so a route added later under those paths is guarded without asking):
 * - no password set (`sessions` undefined): the pages say how to turn the studio on, the API
 *   answers 404 `studio_off`;
 * - a change (POST, PUT, PATCH, DELETE) from another origin, or without one: 403;
 * - no valid session cookie (none, forged, expired, logged out): the API answers 401, the
 *   pages the login shell with 401.
 */
export function studioGuard(options: { sessions: (() => Promise<SessionKeeper>) | undefined; csp: string }): MiddlewareHandler<StudioEnv> {
  return async (c, next) => {
    const api = c.req.path === '/api/studio' || c.req.path.startsWith('/api/studio/');
    c.header('Cache-Control', 'no-store');
    if (!options.sessions) {
      return api ? errorResponse(c, apiError('studio_off', 'The studio is off: set FANSHOP_ADMIN_PASSWORD or FANSHOP_ADMIN_PASSWORD_HASH.')) : studioHtml(c, studioOffPage(pageLanguage(c)), 404, options.csp);
    }
    if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c)) {
      return errorResponse(c, apiError('origin_not_allowed', 'Studio changes are accepted from the shop’s own pages only.'));
    }
    if (api && c.req.path === LOGIN && c.req.method === 'POST') return next();
    const session = await (await options.sessions()).read(c);
    if (!session) return api ? errorResponse(c, apiError('studio_signed_out', 'Log in to the studio first.')) : studioHtml(c, studioShell(pageLanguage(c)), 401, options.csp);
    c.set('studioSession', session);
    return next();
  };
}
