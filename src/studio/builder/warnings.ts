import type { EmbedChoices } from './choices';

/**
 * What a choice in the builder needs on the merchant's side, beside the snippet: the
 * Content-Security-Policy lines their page must have, the origins the shop's server must allow,
 * and what a way to embed does not do. Pure: the builder renders each in the studio's language
 * (messages.ts).
 */
export type EmbedWarning =
  /** Their page's CSP must allow Stripe.js and its frames (README "Checkout", security.ts). */
  | { kind: 'stripe-csp'; lines: string[] }
  /** Their page's CSP, if it sends one, must allow the shop's server. */
  | { kind: 'page-csp'; lines: string[] }
  /** The shop's server must list their page's origin in FANSHOP_ALLOWED_ORIGINS. */
  | { kind: 'allowed-origins'; setting: string }
  /** The same, when the builder does not know their page's address yet. */
  | { kind: 'allowed-origins-unknown'; setting: string }
  /** The page's address they typed is not one. */
  | { kind: 'page-address-invalid'; value: string }
  /** A framed shop keeps Stripe's hosted page: Stripe's form needs the top of the tab. */
  | { kind: 'frame-hosted-checkout' }
  /** Every product needs its Payment Link; no checkout server, no allowed origins. */
  | { kind: 'payment-links' };

/** Where the merchant's shop stands, beside their choices. */
export interface EmbedContext {
  /** The server runs Stripe's embedded checkout (FANSHOP_CHECKOUT_UI=embedded). */
  embeddedCheckout: boolean;
  /** The address of the page the shop goes on, as typed (`https://www.example.com/shop`); may be empty. */
  pageAddress: string;
}

/**
 * The hosts Stripe's embedded checkout needs, as the shop's own pages allow them
 * (src/server/http/security.ts `strictCsp`, from https://docs.stripe.com/security/guide#content-security-policy).
 */
export const stripeCspLines = [
  'script-src https://js.stripe.com https://*.js.stripe.com',
  'frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com',
  'connect-src https://api.stripe.com https://checkout.stripe.com',
  'img-src https://*.stripe.com',
];

/** The origin of the page's address, or null when it is not an http(s) address. */
export function pageOrigin(address: string): string | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function embedWarnings(choices: EmbedChoices, context: EmbedContext): EmbedWarning[] {
  const warnings: EmbedWarning[] = [];
  const shop = pageOrigin(choices.shopOrigin) ?? choices.shopOrigin;
  const typed = context.pageAddress.trim();
  const page = typed ? pageOrigin(typed) : null;
  if (typed && !page) warnings.push({ kind: 'page-address-invalid', value: typed });
  switch (choices.way) {
    case 'script':
    case 'element': {
      // The widget on their page calls the shop's server (checkout, likes, wishes) from their
      // origin, which the server allows only when it is listed (src/server/http/cors.ts).
      if (!typed) warnings.push({ kind: 'allowed-origins-unknown', setting: 'FANSHOP_ALLOWED_ORIGINS' });
      else if (page && page !== shop) warnings.push({ kind: 'allowed-origins', setting: `FANSHOP_ALLOWED_ORIGINS=${page}` });
      if (context.embeddedCheckout) warnings.push({ kind: 'stripe-csp', lines: stripeCspLines });
      if (page !== shop) warnings.push({ kind: 'page-csp', lines: [`script-src ${shop}`, `connect-src ${shop}`, `img-src ${shop}`] });
      break;
    }
    case 'iframe':
      if (context.embeddedCheckout) warnings.push({ kind: 'frame-hosted-checkout' });
      break;
    case 'payment-links':
      warnings.push({ kind: 'payment-links' });
      if (page !== shop) warnings.push({ kind: 'page-csp', lines: [`script-src ${shop}`, `connect-src ${shop}`, `img-src ${shop}`] });
      break;
  }
  return warnings;
}
