import type { ReviewInvitation } from '../../core/api/reviews';
import { reviewTokenExpiry, type ReviewTokens } from './token';

/** A line of a paid order as the invitation needs it (orders/order.ts and the session summary alike). */
interface BoughtLine {
  readonly productId: string | null;
  readonly variantId: string | null;
}

/**
 * The review token of a paid order: its products (each once; a product bought in two variants
 * is reviewed once, as the variant of its first line), valid for REVIEW_TOKEN_DAYS after
 * payment. Undefined when the order bought nothing of the catalog.
 */
export async function reviewInvitation(tokens: ReviewTokens, order: { readonly id: string; readonly paidAt: Date; readonly lines: readonly BoughtLine[] }): Promise<ReviewInvitation | undefined> {
  const products = new Map<string, string | null>();
  for (const line of order.lines) if (line.productId !== null && !products.has(line.productId)) products.set(line.productId, line.variantId);
  if (!products.size) return undefined;
  const claims = { orderId: order.id, products: [...products].map(([productId, variantId]) => ({ productId, variantId })), expiresAt: reviewTokenExpiry(order.paidAt) };
  return { token: await tokens.sign(claims), expiresAt: claims.expiresAt.toISOString(), products: claims.products };
}

/**
 * The link a merchant can email: the shop's own page with the token in the fragment, which
 * browsers never send to a server (no token in access logs or Referer headers), for the
 * widget's review form to read.
 * @example reviewLink('https://shop.example', 'r1.abc.def') // "https://shop.example/shop#/review/r1.abc.def"
 */
export function reviewLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/shop#/review/${token}`;
}
