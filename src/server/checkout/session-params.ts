import type Stripe from 'stripe';
import type { PricedCart } from './price-cart';
import { sha256Hex } from '../hash';
import { cartMetadata } from './cart-metadata';

export interface SessionOptions {
  /** `hosted_page` (Stripe's page) or `embedded_page` (Stripe's form in the shop's dialog). */
  readonly uiMode: 'hosted_page' | 'embedded_page';
  /** Countries to ship to; none means no shipping address is asked. ISO 3166-1 alpha-2. */
  readonly shippingCountries: readonly string[];
  readonly allowPromotionCodes: boolean;
}

/** Stripe Checkout's own languages; anything else becomes `auto` (the shopper's browser). */
const stripeLocales = new Set(['bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW']);

export function stripeLocale(locale: string): Stripe.Checkout.SessionCreateParams.Locale {
  if (stripeLocales.has(locale)) return locale as Stripe.Checkout.SessionCreateParams.Locale;
  const language = locale.split('-')[0] ?? '';
  return (stripeLocales.has(language) ? language : 'auto') as Stripe.Checkout.SessionCreateParams.Locale;
}

/** Adds `checkout=…` to the page the shopper came from, keeping its own query and hash. */
export function returnUrlWith(returnUrl: string, params: Record<string, string>): string {
  const url = new URL(returnUrl);
  url.searchParams.delete('checkout');
  url.searchParams.delete('session_id');
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  // Stripe fills in {CHECKOUT_SESSION_ID}; URLSearchParams would have encoded its braces.
  return url.href.replace(encodeURIComponent('{CHECKOUT_SESSION_ID}'), '{CHECKOUT_SESSION_ID}');
}

/**
 * The Checkout Session for a priced cart: amounts from the catalog (`price_data.unit_amount` in
 * minor units, or the catalog's Stripe Price), the cart's ids in metadata (cart-metadata.ts),
 * and the URLs that bring the shopper back.
 * https://docs.stripe.com/api/checkout/sessions/create
 */
export function sessionParams(
  cart: PricedCart,
  options: SessionOptions & { returnUrl: string; locale: string; browser?: { userAgent?: string | undefined; fbp?: string | undefined; fbc?: string | undefined } },
): Stripe.Checkout.SessionCreateParams {
  const line_items = cart.lines.map((line): Stripe.Checkout.SessionCreateParams.LineItem =>
    line.stripePriceId
      ? { price: line.stripePriceId, quantity: line.quantity }
      : {
          quantity: line.quantity,
          price_data: {
            currency: cart.currency.toLowerCase(),
            unit_amount: line.unitAmount,
            product_data: { name: line.name, ...(line.imageUrl?.startsWith('https://') ? { images: [line.imageUrl] } : {}), metadata: { productId: line.productId, ...(line.variantId ? { variantId: line.variantId } : {}) } },
          },
        },
  );
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    ui_mode: options.uiMode,
    line_items,
    locale: stripeLocale(options.locale),
    metadata: {
      ...cartMetadata(cart.lines),
      fanshop_total: String(cart.total),
      // What Meta's Conversions API needs to match the Purchase to the shopper's browser
      // (meta/purchase-event.ts); Stripe metadata values hold at most 500 characters.
      ...(options.browser?.userAgent ? { fanshop_ua: options.browser.userAgent.slice(0, 500) } : {}),
      ...(options.browser?.fbp ? { fanshop_fbp: options.browser.fbp } : {}),
      ...(options.browser?.fbc ? { fanshop_fbc: options.browser.fbc } : {}),
    },
    ...(options.allowPromotionCodes ? { allow_promotion_codes: true } : {}),
    ...(options.shippingCountries.length
      ? { shipping_address_collection: { allowed_countries: [...options.shippingCountries] as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[] } }
      : {}),
  };
  if (options.uiMode === 'embedded_page') {
    params.return_url = returnUrlWith(options.returnUrl, { checkout: 'success', session_id: '{CHECKOUT_SESSION_ID}' });
  } else {
    params.success_url = returnUrlWith(options.returnUrl, { checkout: 'success', session_id: '{CHECKOUT_SESSION_ID}' });
    params.cancel_url = returnUrlWith(options.returnUrl, { checkout: 'cancel' });
  }
  return params;
}

/**
 * The key of a checkout attempt: the cart as Stripe is asked for it and who asks (address and
 * the widget's page-view id). The stock store keeps one reservation per key while it is held
 * (stock/store.ts), and the reservation's id is the Stripe idempotency key: a double click, a
 * retried request, or the shopper coming back from Stripe's page and pressing Checkout again
 * within the session's life get the same reservation and the same session (Stripe replays the
 * first answer for a repeated key and the same parameters). Once that reservation is sold or
 * released, the same cart makes a new one, and so a new session. A cart with no tracked stock
 * holds nothing: its idempotency key is this key and the minute (checkout/route.ts).
 * https://docs.stripe.com/api/idempotent_requests
 */
export async function checkoutKey(params: Stripe.Checkout.SessionCreateParams, client: string): Promise<string> {
  return `fanshop-${await sha256Hex(JSON.stringify([client, params]), 16)}`;
}
