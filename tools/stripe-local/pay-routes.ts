import { Hono, type Context } from 'hono';
import { checkTestCard } from './cards';
import type { WireSession } from './objects';
import { PAY_CSS } from './pay-css';
import { renderPayPage, renderStatusPage, shopOrigin, withSessionId, type EmbedInfo, type PayValues } from './pay-page';
import { EMBEDDED_FRAME_JS, STRIPE_JS_STANDIN } from './stripe-js';
import { payLocale, type PayProblem } from './pay-text';
import type { SessionStore, StoredSession } from './store';
import type { WebhookQueue } from './webhook';

/**
 * The shopper's side: `GET/POST /c/pay/:id` for hosted_page sessions (the session's `url`) and
 * `/c/embedded/:id?client_secret=…` for embedded_page ones. A good card completes the session,
 * sends `checkout.session.completed` to the shop's webhook and redirects (303) to success_url
 * or return_url with `{CHECKOUT_SESSION_ID}` filled in, as Stripe does.
 * https://docs.stripe.com/payments/checkout/custom-success-page
 */

export interface PayDeps {
  sessions: SessionStore;
  webhooks: Pick<WebhookQueue, 'settled'>;
  now: () => number;
}

type Kind = 'hosted' | 'embedded';

export function payRoutes(deps: PayDeps): Hono {
  const pay = new Hono();
  pay.get('/c/pay.css', () => new Response(PAY_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } }));
  const script = (body: string) => () => new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' } });
  // The stand-in for https://js.stripe.com/endive/stripe.js, which cannot be reached from here.
  pay.get('/js/stripe.js', script(STRIPE_JS_STANDIN));
  pay.get('/c/embedded.js', script(EMBEDDED_FRAME_JS));
  for (const kind of ['hosted', 'embedded'] as const) {
    const path = kind === 'hosted' ? '/c/pay/:id' : '/c/embedded/:id';
    pay.get(path, (c) => show(c, kind));
    pay.post(path, (c) => submit(c, kind));
  }

  function find(c: Context, kind: Kind, secret: string | undefined): StoredSession | undefined {
    const stored = deps.sessions.get(c.req.param('id') ?? '');
    if (!stored) return undefined;
    // An embedded session opens only with its client secret, as Stripe.js needs it; neither
    // kind is reachable under the other's URL.
    if (kind === 'hosted') return stored.session.ui_mode === 'hosted_page' ? stored : undefined;
    return stored.session.ui_mode === 'embedded_page' && secret === stored.session.client_secret ? stored : undefined;
  }

  function show(c: Context, kind: Kind) {
    const stored = find(c, kind, c.req.query('client_secret'));
    const gone = stored ? closed(c, stored.session) : notFound(c);
    if (gone) return gone;
    const { locale, text } = payLocale(stored!.session.locale, c.req.header('Accept-Language'));
    return html(c, 200, renderPayPage({ stored: stored!, locale, text }), stored!.session);
  }

  async function submit(c: Context, kind: Kind) {
    const body = new URLSearchParams((await c.req.text()).slice(0, 32 * 1024));
    const stored = find(c, kind, c.req.query('client_secret') ?? body.get('client_secret') ?? undefined);
    const gone = stored ? closed(c, stored.session) : notFound(c);
    if (gone) return gone;
    const { session } = stored!;
    const { locale, text } = payLocale(session.locale, c.req.header('Accept-Language'));
    const values: PayValues = Object.fromEntries(
      (['email', 'name', 'line1', 'line2', 'postal_code', 'city', 'country', 'number', 'expiry'] as const).map((name) => [name, (body.get(name) ?? '').trim()]),
    );
    const again = (kind: PayProblem, field: keyof PayValues | 'cvc') =>
      html(c, 200, renderPayPage({ stored: stored!, locale, text, values, problem: { kind, field } }), session);

    const email = session.customer_email ?? values.email ?? '';
    if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) return again('email_invalid', 'email');
    const countries = session.shipping_address_collection?.allowed_countries ?? [];
    if (countries.length) {
      const missing = (['name', 'line1', 'postal_code', 'city'] as const).find((name) => !values[name]);
      if (missing) return again('field_missing', missing);
      if (!countries.includes(values.country as (typeof countries)[number])) return again('field_missing', 'country');
    }
    const card = checkTestCard({ number: values.number ?? '', expiry: values.expiry ?? '', cvc: body.get('cvc') ?? '' }, deps.now());
    if (!card.ok) return again(card.problem, card.field);

    const shipping = countries.length
      ? {
          name: values.name!,
          address: { line1: values.line1!, line2: values.line2 || null, postal_code: values.postal_code!, city: values.city!, state: null, country: values.country! },
        }
      : undefined;
    const completed = deps.sessions.complete(session.id, { email, ...(shipping ? { shipping } : {}) });
    // Paid a moment ago in another tab, or expired while the form was open.
    if (!completed) return closed(c, deps.sessions.get(session.id)!.session) ?? notFound(c);

    // The shop hears of the payment before the shopper is back on its pages (unless a test holds webhooks).
    await deps.webhooks.settled();
    if (kind === 'hosted' && completed.success_url) return c.redirect(withSessionId(completed.success_url, completed), 303);
    // Embedded: the frame tells Stripe.js on the shop's page, which sends the whole tab to
    // return_url (redirect_on_completion `always`) or calls the shop's onComplete.
    // Cards never need a redirect, so `if_required` and `never` both end in onComplete.
    const redirect = completed.return_url && completed.redirect_on_completion === 'always' ? withSessionId(completed.return_url, completed) : '';
    const embed: EmbedInfo = { shopOrigin: shopOrigin(completed.return_url), complete: redirect };
    return html(c, 200, renderStatusPage({ locale, text, heading: text.paid, hint: text.paidHint, ...(kind === 'embedded' ? { embed } : {}) }), completed);
  }

  /** The page for a session that can no longer be paid, or null while it is open. */
  function closed(c: Context, session: WireSession): Response | null {
    if (session.status === 'open') return null;
    const { locale, text } = payLocale(session.locale, c.req.header('Accept-Language'));
    const embed = session.ui_mode === 'embedded_page' ? { shopOrigin: shopOrigin(session.return_url) } : undefined;
    if (session.status === 'complete') {
      const back = session.success_url ?? session.return_url;
      const link = back ? { href: withSessionId(back, session), label: text.backToShop } : undefined;
      return html(c, 200, renderStatusPage({ locale, text, heading: text.alreadyPaid, embed, ...(link ? { link } : {}) }), session);
    }
    const link = session.cancel_url ? { href: session.cancel_url, label: text.backToShop } : undefined;
    return html(c, 410, renderStatusPage({ locale, text, heading: text.expired, hint: text.expiredHint, embed, ...(link ? { link } : {}) }), session);
  }

  function notFound(c: Context): Response {
    const { locale, text } = payLocale(null, c.req.header('Accept-Language'));
    return html(c, 404, renderStatusPage({ locale, text, heading: text.notFound }), null);
  }

  return pay;
}

/**
 * Pages go out under a strict CSP. Form submissions end in a redirect to the shop, and browsers
 * check `form-action` against redirect targets too, so the shop's origins are listed.
 * https://www.w3.org/TR/CSP3/#directive-form-action
 */
export function payPageCsp(session: WireSession | null): string {
  const origin = (url: string | null | undefined) => {
    if (!url) return null;
    try {
      return new URL(url.replaceAll('{CHECKOUT_SESSION_ID}', 'cs')).origin;
    } catch {
      return null;
    }
  };
  const shop = [...new Set([session?.success_url, session?.cancel_url, session?.return_url].map(origin).filter((o): o is string => !!o))];
  const embedded = session?.ui_mode === 'embedded_page';
  return [
    "default-src 'self'",
    "style-src 'self'",
    "script-src 'self'",
    // Product images are the merchant's own URLs (line_items[][price_data][product_data][images]).
    "img-src 'self' https: data:",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${shop.map((o) => ` ${o}`).join('')}`,
    // Hosted Checkout refuses to be framed; the embedded page is meant for the shop's own page.
    `frame-ancestors ${embedded ? `'self'${shop.map((o) => ` ${o}`).join('')}` : "'none'"}`,
  ].join('; ');
}

function html(c: Context, status: 200 | 404 | 410, body: string, session: WireSession | null): Response {
  return c.html(body, status, {
    'Content-Security-Policy': payPageCsp(session),
    'Cache-Control': 'no-store',
    // The URL holds the session id (and an embedded page's client secret): keep it out of
    // Referer headers sent to image hosts.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
}
