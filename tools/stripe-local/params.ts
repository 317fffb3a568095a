import * as v from 'valibot';
import { boolean, currency, email, integer, metadata, oneOf, shippingCountry, text, url } from './fields';
import type { FormObject } from './form';
import { invalid, stripeError } from './errors';
import { parseParams, type Parsed } from './validate';

/**
 * The parameters of `POST /v1/checkout/sessions` this stand-in knows, checked the way Stripe
 * checks them (https://docs.stripe.com/api/checkout/sessions/create, API 2026-10-28.endive).
 * Anything else is `parameter_unknown`, exactly as Stripe answers a misspelt parameter, so a
 * typo fails here on a laptop and not first in production.
 */

/** Since 2026-03-25.dahlia; `hosted`, `embedded` and `custom` fail with a 400.
 * https://docs.stripe.com/changelog/dahlia/2026-03-25/updates-available-checkout-session-ui-modes */
export const UI_MODES = ['hosted_page', 'embedded_page', 'elements', 'form'] as const;
const RENAMED_UI_MODES = { hosted: 'hosted_page', embedded: 'embedded_page', custom: 'elements' };

/** `Checkout.SessionCreateParams.Locale` in stripe-node 23.1. */
export const LOCALES = ['auto', 'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hi-IN', 'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW'] as const;

const expand = v.optional(v.array(text()));

const lineItemSchema = v.strictObject({
  price: v.optional(text(255)),
  price_data: v.optional(
    v.strictObject({
      currency: currency(),
      unit_amount: integer({ min: 0, max: 99_999_999 }),
      product_data: v.strictObject({
        name: text(),
        description: v.optional(text()),
        images: v.optional(v.pipe(v.array(url()), v.maxLength(8, 'Invalid {param}: at most 8 images'))),
        metadata: v.optional(metadata()),
      }),
    }),
  ),
  quantity: v.optional(integer({ min: 1, max: 999_999 })),
});

const createSchema = v.strictObject({
  mode: v.optional(oneOf(['payment', 'setup', 'subscription'])),
  ui_mode: v.optional(oneOf(UI_MODES, RENAMED_UI_MODES)),
  line_items: v.optional(v.pipe(v.array(lineItemSchema), v.maxLength(100, 'Invalid {param}: a Checkout Session in payment mode can have at most 100 line items'))),
  success_url: v.optional(url()),
  cancel_url: v.optional(url()),
  return_url: v.optional(url()),
  redirect_on_completion: v.optional(oneOf(['always', 'if_required', 'never'])),
  customer_email: v.optional(email()),
  client_reference_id: v.optional(text(200)),
  locale: v.optional(oneOf(LOCALES)),
  metadata: v.optional(metadata()),
  shipping_address_collection: v.optional(v.strictObject({ allowed_countries: v.array(shippingCountry()) })),
  allow_promotion_codes: v.optional(boolean()),
  expires_at: v.optional(integer()),
  expand,
});

export const retrieveSchema = v.strictObject({ expand });
export const listLineItemsSchema = v.strictObject({
  limit: v.optional(integer({ min: 1, max: 100 })),
  starting_after: v.optional(text()),
  ending_before: v.optional(text()),
  expand,
});

type CreateInput = v.InferOutput<typeof createSchema>;

/** A price the caller registered in advance, for `line_items[][price]=price_...`. */
export interface LocalPrice {
  unit_amount: number;
  currency: string;
  product: { name: string; description?: string; images?: string[] };
}

/** One line with its price resolved, whether it came from `price` or `price_data`. */
export interface PricedLine {
  quantity: number;
  unit_amount: number;
  currency: string;
  product: { name: string; description?: string; images: string[]; metadata: Record<string, string> };
  /** Set when the line referenced a registered price. */
  price?: string;
}

/** Validated create parameters, with the defaults Stripe applies filled in. */
export type CreateSessionParams = Omit<CreateInput, 'mode' | 'ui_mode' | 'line_items' | 'metadata' | 'expires_at' | 'expand'> & {
  mode: 'payment';
  ui_mode: 'hosted_page' | 'embedded_page';
  lines: PricedLine[];
  currency: string;
  metadata: Record<string, string>;
  expires_at: number;
  expand: string[];
};

/** How long a session may stay open: 30 minutes to 24 hours, 24 hours unless `expires_at` says otherwise. */
const MIN_LIFETIME_SECONDS = 30 * 60;
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Parses `POST /v1/checkout/sessions`: field checks first (valibot), then the rules between
 * fields that Stripe enforces, in the order a developer would hit them. `created` is the
 * session's creation time (unix seconds), which `expires_at` is measured from.
 */
export function parseCreateSession(form: FormObject, prices: ReadonlyMap<string, LocalPrice>, created: number): Parsed<CreateSessionParams> {
  const parsed = parseParams(createSchema, form);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const fail = (init: Parameters<typeof invalid>[0]): Parsed<CreateSessionParams> => ({ ok: false, failure: invalid(init) });

  const mode = input.mode ?? 'payment';
  if (mode !== 'payment') return fail({ param: 'mode', message: `mode=${mode} is not available in the local test-mode Stripe; Fanshop uses mode=payment.` });
  const uiMode = input.ui_mode ?? 'hosted_page';
  if (uiMode !== 'hosted_page' && uiMode !== 'embedded_page') {
    return fail({ param: 'ui_mode', message: `ui_mode=${uiMode} is not available in the local test-mode Stripe; use hosted_page or embedded_page.` });
  }

  // https://docs.stripe.com/payments/checkout/custom-success-page: hosted pages redirect to
  // success_url; embedded pages use return_url and redirect_on_completion instead.
  if (uiMode === 'hosted_page') {
    for (const name of ['return_url', 'redirect_on_completion'] as const) {
      if (input[name] !== undefined) return fail({ param: name, message: `You can only set \`${name}\` when \`ui_mode\` is \`embedded_page\` or \`elements\`.` });
    }
    if (input.success_url === undefined) return fail({ code: 'parameter_missing', param: 'success_url', message: 'Missing required param: success_url.' });
  } else {
    const notAllowed = (['success_url', 'cancel_url'] as const).filter((name) => input[name] !== undefined);
    if (notAllowed.length > 0) {
      return fail({ param: notAllowed[0], message: `The following parameters are not supported with 'ui_mode: embedded_page': ${notAllowed.join(', ')}. Use \`return_url\` instead.` });
    }
    const redirect = input.redirect_on_completion ?? 'always';
    if (redirect === 'never' && input.return_url !== undefined) {
      return fail({ param: 'return_url', message: '`return_url` cannot be set when `redirect_on_completion` is `never`.' });
    }
    if (redirect !== 'never' && input.return_url === undefined) {
      return fail({ code: 'parameter_missing', param: 'return_url', message: 'Missing required param: return_url.' });
    }
  }

  const items = input.line_items ?? [];
  if (items.length === 0) return fail({ code: 'parameter_missing', param: 'line_items', message: 'Missing required param: line_items.' });
  const lines: PricedLine[] = [];
  for (const [index, item] of items.entries()) {
    const at = `line_items[${index}]`;
    if (item.price !== undefined && item.price_data !== undefined) {
      return fail({ code: 'parameters_exclusive', param: `${at}[price_data]`, message: 'You may only specify one of these parameters: price, price_data.' });
    }
    if (item.quantity === undefined) return fail({ code: 'parameter_missing', param: `${at}[quantity]`, message: `Quantity is required. Add \`quantity\` to \`${at}\`` });
    if (item.price_data) {
      const { product_data: product } = item.price_data;
      lines.push({
        quantity: item.quantity,
        unit_amount: item.price_data.unit_amount,
        currency: item.price_data.currency,
        product: { name: product.name, ...(product.description ? { description: product.description } : {}), images: product.images ?? [], metadata: product.metadata ?? {} },
      });
    } else if (item.price !== undefined) {
      const price = prices.get(item.price);
      if (!price) return { ok: false, failure: { status: 400, error: stripeError({ code: 'resource_missing', param: `${at}[price]`, message: `No such price: '${item.price}'` }) } };
      lines.push({ quantity: item.quantity, unit_amount: price.unit_amount, currency: price.currency, price: item.price, product: { ...price.product, images: price.product.images ?? [], metadata: {} } });
    } else {
      return fail({ code: 'parameter_missing', param: `${at}[price]`, message: `You must specify either \`price\` or \`price_data\` in \`${at}\`.` });
    }
    if (lines[index]!.currency !== lines[0]!.currency) {
      return fail({ param: `${at}[price_data][currency]`, message: `All line items must use the same currency: ${at} is ${lines[index]!.currency}, line_items[0] is ${lines[0]!.currency}.` });
    }
  }

  const currencyCode = lines[0]!.currency;
  const total = lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0);
  const minimum = MINIMUM_CHARGE[currencyCode];
  if (minimum !== undefined && total < minimum) {
    const shown = new Intl.NumberFormat('en-US', { style: 'currency', currency: currencyCode }).format(minimum / 10 ** exponent(currencyCode));
    return fail({ code: 'amount_too_small', message: `The Checkout Session's total amount due must add up to at least ${shown} ${currencyCode}` });
  }
  if (!Number.isSafeInteger(total) || total > 99_999_999_999) return fail({ param: 'line_items', message: 'The Checkout Session total is too large.' });

  // Stripe's messages, which come with no code, and with no param as far as reported answers
  // show. https://docs.stripe.com/payments/checkout/managing-limited-inventory
  const expiresAt = input.expires_at ?? created + MAX_LIFETIME_SECONDS;
  if (expiresAt < created + MIN_LIFETIME_SECONDS) return fail({ message: 'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.' });
  if (expiresAt > created + MAX_LIFETIME_SECONDS) return fail({ message: 'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.' });

  const badExpand = (input.expand ?? []).findIndex((path) => path !== 'line_items');
  if (badExpand !== -1) return fail({ param: `expand[${badExpand}]`, message: `This property cannot be expanded (${input.expand![badExpand]}).` });

  const { mode: _mode, ui_mode: _uiMode, line_items: _items, ...rest } = input;
  return {
    ok: true,
    value: { ...rest, mode, ui_mode: uiMode, lines, currency: currencyCode, metadata: input.metadata ?? {}, expires_at: expiresAt, expand: input.expand ?? [] },
  };
}

/**
 * Stripe's minimum charge per currency, in minor units, for the currencies a European shop
 * meets most. https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
 */
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, jpy: 50, dkk: 250, sek: 300, nok: 300, pln: 200, czk: 1500 };
const exponent = (code: string) => new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
