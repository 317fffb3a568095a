import type { CartRecommendationsResponse, ProductRecommendationsResponse, ProductRef, RecommendationSource } from '../../core/api/recommendations';
import { MAX_CART_IDS, RECOMMENDATIONS_PER_ROW } from '../../core/api/recommendations';
import { productOffer } from '../../core/catalog/offer';
import type { Product } from '../../core/catalog/types';
import type { Shop } from './context';
import { widgetOrigin } from './boot';

/**
 * Recommendations from the shop's server (`/api/recommendations`, server/recommendations/route.ts),
 * made products the widget can show. The server names products by id: of a small catalog the
 * widget has them all; of a big one it asks for those it has not been sent (shop/remote.ts
 * `ensureProducts`, `GET /api/products?ids=`). A product the widget cannot find, or that cannot be
 * bought by now, is left out. Only a shop whose catalog its server sent (`served`) has the API.
 */
export interface Recommended {
  readonly product: Product;
  readonly source: RecommendationSource;
}

export interface ProductRows {
  readonly alsoLiked: readonly Recommended[];
  readonly boughtTogether: readonly Recommended[];
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function ask<T>(path: string, fetchImpl: Fetch): Promise<T> {
  const response = await fetchImpl(new URL(path, widgetOrigin).href, { credentials: 'omit' });
  if (!response.ok) throw new Error(`[fanshop] ${path} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The products of these references, in their order, as far as the widget has or can get them. */
export async function recommended(shop: Shop, refs: readonly ProductRef[], leaveOut: readonly string[] = []): Promise<Recommended[]> {
  const wanted = refs.filter((ref) => !leaveOut.includes(ref.id)).slice(0, RECOMMENDATIONS_PER_ROW);
  if (!wanted.length) return [];
  if (shop.store.getState().paged) await (await import('./remote')).ensureProducts(shop, wanted.map((ref) => ref.id));
  const products = new Map(shop.store.getState().catalog!.products.map((p) => [p.id, p]));
  return wanted.flatMap((ref) => {
    const product = products.get(ref.id);
    return product && productOffer(product).inStock ? [{ product, source: ref.source }] : [];
  });
}

/** The product view's rows: "Fans who liked this also liked" and "Often bought together". */
export async function productRows(shop: Shop, productId: string, fetchImpl: Fetch = fetch): Promise<ProductRows> {
  const answer = await ask<ProductRecommendationsResponse>(`/api/recommendations/${encodeURIComponent(productId)}`, fetchImpl);
  const [alsoLiked, boughtTogether] = await Promise.all([recommended(shop, answer.alsoLiked, [productId]), recommended(shop, answer.boughtTogether, [productId])]);
  return { alsoLiked, boughtTogether };
}

/** The cart's "You may also like", from the products in it (the most the API takes). */
export async function cartRow(shop: Shop, productIds: readonly string[], fetchImpl: Fetch = fetch): Promise<Recommended[]> {
  const ids = [...new Set(productIds)].slice(0, MAX_CART_IDS);
  if (!ids.length) return [];
  const answer = await ask<CartRecommendationsResponse>(`/api/recommendations?cart=${ids.map(encodeURIComponent).join(',')}`, fetchImpl);
  return recommended(shop, answer.products, ids);
}
