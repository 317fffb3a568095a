import * as v from 'valibot';
import { lineKey } from '../../core/cart/line-key';
import { apiError, type ApiError } from '../http/api-error';

/**
 * The body of `POST /api/checkout`: ids and quantities only. Prices, names or totals a browser
 * adds are not part of the schema and never read (nothing upstream trusts the shopper's
 * browser: docs/architecture.md). Quantities are checked per line so the error can point at the line.
 */
export interface CheckoutLineRequest {
  readonly productId: string;
  readonly variantId: string | null;
  /** All units of this product and variant in the request, over all its lines. */
  readonly quantity: number;
  /** The index in the request of the first line naming this product and variant, for errors. */
  readonly index: number;
}

export interface CheckoutRequest {
  readonly lines: readonly CheckoutLineRequest[];
  readonly locale: string | undefined;
  /** The page to come back to after paying or cancelling; must be on an allowed origin. */
  readonly returnUrl: string;
  /**
   * The widget can show Stripe's embedded form (it runs at the top of the tab, not in a frame).
   * Only then does a server configured for embedded checkout create an `embedded_page` session.
   */
  readonly embeddable: boolean;
  /**
   * A random id the widget makes once per page view. With the cart it makes the idempotency key:
   * a double click is one checkout, but two shoppers behind one address (a shared Wi-Fi) buying
   * the same thing in the same minute get a session each.
   */
  readonly attempt: string;
  /** Meta's browser ids (the `_fbp` and `_fbc` cookies), for the Conversions API Purchase. */
  readonly fbp: string | undefined;
  readonly fbc: string | undefined;
}

export interface CheckoutLimits {
  /** Most units of one line (default 99). */
  readonly maxQuantity: number;
  /** Most lines in one checkout (default 50). */
  readonly maxLines: number;
}

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

const Body = v.object({
  lines: v.array(v.unknown()),
  locale: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  // A page to come back to: http(s) only. `blob:http://shop/…` has the shop's origin too, and
  // Stripe refuses it; javascript: and data: are no pages at all.
  returnUrl: v.pipe(v.string(), v.maxLength(2000), v.url(), v.check((url) => /^https?:$/.test(new URL(url).protocol))),
  embeddable: v.optional(v.boolean()),
  attempt: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/))),
  // fb.<subdomain index>.<creation time>.<random or fbclid>: https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
  fbp: v.optional(v.pipe(v.string(), v.regex(/^fb\.\d\.\d{10,16}\.[\w.-]{1,250}$/))),
  fbc: v.optional(v.pipe(v.string(), v.regex(/^fb\.\d\.\d{10,16}\.[\w.-]{1,250}$/))),
});

const Line = v.object({
  productId: id,
  variantId: v.optional(v.nullable(id)),
  quantity: v.unknown(),
});

export function parseCheckoutRequest(json: unknown, limits: CheckoutLimits): { ok: true; request: CheckoutRequest } | { ok: false; error: ApiError } {
  const body = v.safeParse(Body, json);
  if (!body.success) {
    const where = body.issues[0]?.path?.map((p) => p.key).join('.') || 'body';
    return { ok: false, error: apiError('invalid_request', `The request is not a checkout request (${where}).`) };
  }
  const { lines, locale, returnUrl, embeddable, attempt, fbp, fbc } = body.output;
  if (lines.length === 0) return { ok: false, error: apiError('empty_cart', 'The cart is empty.') };
  if (lines.length > limits.maxLines) {
    return { ok: false, error: apiError('too_many_lines', `A checkout takes at most ${limits.maxLines} lines.`) };
  }
  // Lines naming the same product and variant are one line of their summed quantity, so that
  // repeating a line cannot get around the quantity limit, nor stock (price-cart.ts); an error
  // points at the first of them. A Map, not an object: ids like "__proto__" are plain keys.
  const merged = new Map<string, CheckoutLineRequest>();
  // The limit goes with the error, so the shopper's message names this server's
  // FANSHOP_MAX_QUANTITY, which may be fewer than the widget allows.
  const quantityError = (index: number) =>
    apiError('invalid_quantity', `The quantity must be a whole number from 1 to ${limits.maxQuantity}.`, { lineIndex: index, maxQuantity: limits.maxQuantity });
  for (const [index, raw] of lines.entries()) {
    const line = v.safeParse(Line, raw);
    if (!line.success) return { ok: false, error: apiError('invalid_request', 'A cart line is not a product id with a quantity.', { lineIndex: index }) };
    const { quantity } = line.output;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > limits.maxQuantity) return { ok: false, error: quantityError(index) };
    const variantId = line.output.variantId ?? null;
    const key = lineKey({ productId: line.output.productId, variantId });
    const first = merged.get(key);
    if (first && first.quantity + quantity > limits.maxQuantity) return { ok: false, error: quantityError(first.index) };
    merged.set(key, first ? { ...first, quantity: first.quantity + quantity } : { productId: line.output.productId, variantId, quantity, index });
  }
  return { ok: true, request: { lines: [...merged.values()], locale, returnUrl, embeddable: embeddable === true, attempt: attempt ?? '', fbp, fbc } };
}
