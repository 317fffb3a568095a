/**
 * The checkout API as the widget and the server both see it: the server answers with these
 * types (server/checkout/route.ts) and the widget reads them (widget/checkout/), so a change of
 * shape is a compile error on both sides. Money is in minor units.
 */

/** One line of `POST /api/checkout`: ids and a quantity, nothing the server would have to trust. */
export interface CheckoutLineBody {
  readonly productId: string;
  readonly variantId?: string | null;
  readonly quantity: number;
}

/** The body of `POST /api/checkout`. */
export interface CheckoutRequestBody {
  readonly lines: readonly CheckoutLineBody[];
  /** BCP 47, for Stripe's page and the line names. */
  readonly locale?: string;
  /** The page to come back to; http(s) on an allowed origin. */
  readonly returnUrl: string;
  /** The shop is at the top of the tab, so Stripe's embedded form can be shown. */
  readonly embeddable?: boolean;
  /** A random id per page view, for the idempotency key. */
  readonly attempt?: string;
  /** Meta's browser ids (the `_fbp` and `_fbc` cookies), for the Conversions API. */
  readonly fbp?: string | undefined;
  readonly fbc?: string | undefined;
}

/** What `POST /api/checkout` answers: Stripe's page to go to, or an embedded session to mount. */
export type CheckoutResponse =
  | { readonly id: string; readonly url: string }
  | { readonly id: string; readonly clientSecret: string; readonly publishableKey: string; readonly stripeJs?: string };

import type { ReviewInvitation } from './reviews';

/** `GET /api/checkout/sessions/:id`: what a returning shopper's confirmation shows, and nothing else. */
export interface CheckoutSessionSummary {
  /** Stripe's `status`: `open`, `complete` or `expired`. */
  readonly status: string | null;
  readonly paid: boolean;
  readonly total: number | null;
  readonly currency: string | null;
  /** The catalog's product and variant ids (for the Purchase event), titles and quantities. */
  readonly lines: readonly { readonly productId: string | null; readonly variantId: string | null; readonly title: string; readonly quantity: number }[];
  /**
   * A paid order's review token, for "Rate what you bought" (`POST /api/reviews`); absent
   * before payment and when the shop has no review secret.
   */
  readonly review?: ReviewInvitation;
}
