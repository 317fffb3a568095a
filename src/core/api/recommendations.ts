/**
 * The recommendations API (`/api/recommendations`) as the widget and the server both see it
 * (server/recommendations/route.ts). Answers name products by id only: the widget has the
 * products of a small catalog already, and asks `GET /api/products?ids=` for those of a big one
 * (core/api/products.ts), so an answer is the same in every language and a few hundred bytes.
 */

/** The most products a row shows. */
export const RECOMMENDATIONS_PER_ROW = 4;
/** The most cart products `GET /api/recommendations?cart=` takes. */
export const MAX_CART_IDS = 20;

/**
 * Why a product is in a row: liked by the same fans (`likes`), bought in the same paid orders
 * (`orders`), or, where the shop has too little of either yet, one of the most liked of the same
 * category (`category`; in catalog order where nobody likes them).
 */
export type RecommendationSource = 'likes' | 'orders' | 'category';

/** A recommended product: never sold out, coming soon or off the catalog, never the product (or cart) asked about. */
export interface ProductRef {
  readonly id: string;
  readonly source: RecommendationSource;
}

/** `GET /api/recommendations/:productId`: the product view's two rows, up to 4 each. */
export interface ProductRecommendationsResponse {
  readonly productId: string;
  /** "Fans who liked this also liked": by how many shared likers, then the category's most liked. */
  readonly alsoLiked: readonly ProductRef[];
  /** "Often bought together": by how many paid orders had both; empty until there are any. */
  readonly boughtTogether: readonly ProductRef[];
}

/** `GET /api/recommendations?cart=a,b`: the cart's "You may also like" row, up to 4, none of the cart's own. */
export interface CartRecommendationsResponse {
  readonly products: readonly ProductRef[];
}
