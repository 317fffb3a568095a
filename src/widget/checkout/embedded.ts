import type { StripeEmbeddedCheckout } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

/** What the checkout endpoint answers for an `embedded_page` session. */
export interface EmbeddedSession {
  readonly clientSecret: string;
  readonly publishableKey: string;
  /** Only the local test mode: a path on the checkout server serving a stand-in Stripe.js. */
  readonly stripeJs?: string;
}

/**
 * Stripe's embedded checkout, mounted into `element` (the dialog in EmbeddedCheckout.tsx).
 * This module and @stripe/stripe-js load only when a shopper starts an embedded checkout;
 * `loadStripe` then fetches Stripe.js from js.stripe.com (the `pure` entry injects nothing
 * before it is called). The API is `createEmbeddedCheckoutPage` since @stripe/stripe-js 9
 * (`initEmbeddedCheckout` is gone): https://docs.stripe.com/payments/accept-a-payment?ui=embedded-form
 */
export async function mountEmbeddedCheckout(session: EmbeddedSession, endpoint: string, element: HTMLElement): Promise<StripeEmbeddedCheckout> {
  if (session.stripeJs) {
    const src = new URL(session.stripeJs, endpoint);
    // A path on the checkout server itself, never a script from elsewhere.
    if (src.origin !== new URL(endpoint).origin) throw new Error(`[fanshop] refusing Stripe.js from ${src.origin}`);
    await loadScript(src.href);
  }
  const stripe = await loadStripe(session.publishableKey);
  if (!stripe) throw new Error('[fanshop] Stripe.js is not available');
  const checkout = await stripe.createEmbeddedCheckoutPage({ clientSecret: session.clientSecret });
  checkout.mount(element);
  return checkout;
}

function loadScript(src: string): Promise<void> {
  if ((window as { Stripe?: unknown }).Stripe) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`[fanshop] could not load ${src}`));
    };
    document.head.append(script);
  });
}
