import { formatMoney } from '../../src/core/money';
import { escapeHtml as esc } from './escape';
import type { WireSession } from './objects';
import type { PayProblem, PayText } from './pay-text';
import type { StoredSession } from './store';

/**
 * The checkout page a shopper sees instead of checkout.stripe.com: the shop's lines and total,
 * email, card (and shipping address when the session asked for one) and a Pay button. Plain
 * HTML posting to itself, so it works without JavaScript, and no inline script or style, so it
 * runs under the strict CSP pay-routes.ts sends. Its stylesheet is `pay.css` beside it.
 */

/** What the shopper typed, echoed back after a problem (never the CVC). */
export interface PayValues {
  email?: string;
  name?: string;
  line1?: string;
  line2?: string;
  postal_code?: string;
  city?: string;
  country?: string;
  number?: string;
  expiry?: string;
}

export interface PayPageInput {
  stored: StoredSession;
  locale: string;
  text: PayText;
  values?: PayValues;
  problem?: { kind: PayProblem; field: keyof PayValues | 'cvc' };
}

const money = (amount: number, currency: string, locale: string) => formatMoney({ amount, currency: currency.toUpperCase() }, locale);

export function renderPayPage({ stored, locale, text, values = {}, problem }: PayPageInput): string {
  const { session } = stored;
  const total = money(session.amount_total ?? 0, session.currency ?? 'eur', locale);
  const field = (spec: FieldSpec) => input(spec, values, problem?.field);
  const lines = stored.lineItems
    .map((item, index) => {
      const image = stored.lines[index]?.product.images[0];
      return `<li class="line">
          ${image ? `<img class="line-image" src="${esc(image)}" alt="" width="48" height="48" loading="lazy">` : '<span class="line-image" aria-hidden="true"></span>'}
          <span class="line-name">${esc(item.description ?? '')}<span class="line-quantity">${esc(text.quantity(item.quantity ?? 1))}</span></span>
          <span class="line-amount">${esc(money(item.amount_total, item.currency, locale))}</span>
        </li>`;
    })
    .join('\n        ');
  const countries = session.shipping_address_collection?.allowed_countries ?? [];
  const shipping = countries.length
    ? `<fieldset>
        <legend>${esc(text.shipping)}</legend>
        ${field({ name: 'name', label: text.name, autocomplete: 'shipping name', required: true })}
        ${field({ name: 'line1', label: text.line1, autocomplete: 'shipping address-line1', required: true })}
        ${field({ name: 'line2', label: text.line2, autocomplete: 'shipping address-line2' })}
        <div class="row">
          ${field({ name: 'postal_code', label: text.postalCode, autocomplete: 'shipping postal-code', required: true })}
          ${field({ name: 'city', label: text.city, autocomplete: 'shipping address-level2', required: true })}
        </div>
        ${countrySelect(countries, values.country, locale, text, problem?.field === 'country')}
      </fieldset>`
    : '';
  const alert = problem
    ? `<p class="alert" id="pay-problem" role="alert">${esc(text.problems[problem.kind])}</p>`
    : '';
  const email = session.customer_email
    ? field({ name: 'email', label: text.email, type: 'email', autocomplete: 'email', value: session.customer_email, readonly: true })
    : field({ name: 'email', label: text.email, type: 'email', autocomplete: 'email', required: true, maxlength: 512 });
  const cancel = session.cancel_url ? `<a class="cancel" href="${esc(session.cancel_url)}">${esc(text.cancel)}</a>` : '';
  const embed = session.ui_mode === 'embedded_page' ? { shopOrigin: shopOrigin(session.return_url) } : undefined;
  return document(locale, text, embed, `<main class="checkout">
    <section class="summary" aria-labelledby="summary-heading">
      <h1 id="summary-heading">${esc(text.summary)}</h1>
      <ul class="lines">
        ${lines}
      </ul>
      <p class="total"><span>${esc(text.total)}</span> <strong>${esc(total)}</strong></p>
    </section>
    <form class="pay-form" method="post" aria-label="${esc(text.title)}">
      ${alert}
      <fieldset>
        <legend>${esc(text.contact)}</legend>
        ${email}
      </fieldset>
      ${shipping}
      <fieldset>
        <legend>${esc(text.payment)}</legend>
        ${field({ name: 'number', label: text.cardNumber, autocomplete: 'cc-number', inputmode: 'numeric', required: true, maxlength: 23, placeholder: '1234 1234 1234 1234' })}
        <div class="row">
          ${field({ name: 'expiry', label: text.expiry, autocomplete: 'cc-exp', inputmode: 'numeric', required: true, maxlength: 7, placeholder: text.expiryPlaceholder })}
          ${field({ name: 'cvc', label: text.cvc, autocomplete: 'cc-csc', inputmode: 'numeric', required: true, maxlength: 4, placeholder: '123', echo: false })}
        </div>
      </fieldset>
      <button class="pay-button" type="submit">${esc(text.pay(total))}</button>
      ${cancel}
    </form>
  </main>`);
}

/** A page that only says something: paid, already paid, expired, not found. */
export function renderStatusPage(options: { locale: string; text: PayText; heading: string; hint?: string; link?: { href: string; label: string }; embed?: EmbedInfo | undefined }): string {
  const { text } = options;
  return document(options.locale, text, options.embed, `<main class="checkout status">
    <section class="status-card">
      <h1>${esc(options.heading)}</h1>
      ${options.hint ? `<p>${esc(options.hint)}</p>` : ''}
      ${options.link ? `<a class="pay-button" href="${esc(options.link.href)}"${options.embed ? ' target="_top"' : ''}>${esc(options.link.label)}</a>` : ''}
    </section>
  </main>`);
}

/**
 * A page shown in the shop's dialog (embedded_page): `embedded.js` tells the stand-in Stripe.js
 * on the shop's page its height and, once paid, where to send the shopper (`complete`), as
 * Stripe's frame tells Stripe.js. Messages go to the shop's origin only.
 */
export interface EmbedInfo {
  shopOrigin: string | null;
  /** Set once paid: the URL to send the shopper to, or '' to call onComplete instead. */
  complete?: string;
}

export function shopOrigin(returnUrl: string | null | undefined): string | null {
  if (!returnUrl) return null;
  try {
    return new URL(returnUrl.replaceAll('{CHECKOUT_SESSION_ID}', 'cs')).origin;
  } catch {
    return null;
  }
}

/** Every page: the test-mode banner first, so nobody mistakes this for a real payment. */
function document(locale: string, text: PayText, embed: EmbedInfo | undefined, main: string): string {
  // Without a return_url the page may only be framed by its own origin (frame-ancestors 'self').
  const data = embed
    ? ` data-embedded${embed.shopOrigin ? ` data-shop-origin="${esc(embed.shopOrigin)}"` : ''}${embed.complete !== undefined ? ` data-complete="${esc(embed.complete)}"` : ''}`
    : '';
  return `<!doctype html>
<html lang="${esc(locale)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${esc(text.title)} · ${esc(text.banner)}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="../pay.css">${data ? '\n    <script src="../embedded.js" defer></script>' : ''}
  </head>
  <body${data}>
    <p class="test-banner" role="note"><strong>${esc(text.banner)}</strong> <span>${esc(text.bannerHint)}</span></p>
  ${main}
    <footer class="footer">${esc(text.footer)}</footer>
  </body>
</html>
`;
}

interface FieldSpec {
  name: keyof PayValues | 'cvc';
  label: string;
  type?: string;
  autocomplete: string;
  inputmode?: string;
  required?: boolean;
  readonly?: boolean;
  maxlength?: number;
  placeholder?: string;
  value?: string;
  /** Whether a submitted value is shown again after a problem. */
  echo?: boolean;
}

function input(spec: FieldSpec, values: PayValues, problemField: string | undefined): string {
  const id = `field-${spec.name}`;
  const value = spec.value ?? (spec.echo === false || spec.name === 'cvc' ? undefined : values[spec.name]);
  const invalid = problemField === spec.name;
  const attributes = [
    `id="${id}"`,
    `name="${spec.name}"`,
    `type="${spec.type ?? 'text'}"`,
    `autocomplete="${spec.autocomplete}"`,
    spec.inputmode ? `inputmode="${spec.inputmode}"` : '',
    spec.required ? 'required' : '',
    spec.readonly ? 'readonly' : '',
    spec.maxlength ? `maxlength="${spec.maxlength}"` : '',
    spec.placeholder ? `placeholder="${esc(spec.placeholder)}"` : '',
    value !== undefined ? `value="${esc(value)}"` : '',
    // Without JavaScript, `autofocus` is how focus lands on the field to fix.
    invalid ? 'aria-invalid="true" aria-describedby="pay-problem" autofocus' : '',
  ].filter(Boolean);
  return `<label class="field" for="${id}"><span>${esc(spec.label)}</span><input ${attributes.join(' ')}></label>`;
}

function countrySelect(countries: readonly string[], selected: string | undefined, locale: string, text: PayText, invalid: boolean): string {
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  const options = [...countries]
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map(({ code, name }) => `<option value="${esc(code)}"${code === (selected ?? (countries.length === 1 ? code : '')) ? ' selected' : ''}>${esc(name)}</option>`)
    .join('');
  return `<label class="field" for="field-country"><span>${esc(text.country)}</span><select id="field-country" name="country" autocomplete="shipping country" required${invalid ? ' aria-invalid="true" aria-describedby="pay-problem" autofocus' : ''}>${countries.length > 1 ? '<option value=""></option>' : ''}${options}</select></label>`;
}

/** The session-specific part of the pay page's URL a redirect goes to, with the id filled in. */
export const withSessionId = (template: string, session: WireSession) => template.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
