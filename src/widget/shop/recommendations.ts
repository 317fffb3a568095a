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

/** How the server is asked: by default `fetch`, on the origin that serves the widget. */
export interface RecommendationsTransport {
  readonly origin?: string;
  readonly fetch?: Fetch;
}

async function ask<T>(path: string, transport: RecommendationsTransport): Promise<T> {
  const { origin = widgetOrigin, fetch: fetchImpl = fetch } = transport;
  const response = await fetchImpl(new URL(path, origin).href, { credentials: 'omit' });
  if (!response.ok) throw new Error(`[fanshop] ${path} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Rows of the products of these references, in their order, as far as the widget has or can get
 * them: of a big catalog, those it has not been sent yet are asked for in one request.
 */
async function recommended(shop: Shop, rows: readonly (readonly ProductRef[])[], leaveOut: readonly string[]): Promise<Recommended[][]> {
  const wanted = rows.map((refs) => refs.filter((ref) => !leaveOut.includes(ref.id)).slice(0, RECOMMENDATIONS_PER_ROW));
  const ids = [...new Set(wanted.flat().map((ref) => ref.id))];
  if (ids.length && shop.store.getState().paged) await (await import('./remote')).ensureProducts(shop, ids);
  const products = new Map(shop.store.getState().catalog!.products.map((p) => [p.id, p]));
  return wanted.map((refs) =>
    refs.flatMap((ref) => {
      const product = products.get(ref.id);
      return product && productOffer(product).inStock ? [{ product, source: ref.source }] : [];
    }),
  );
}

/** The product view's rows: "Fans who liked this also liked" and "Often bought together". */
export async function productRows(shop: Shop, productId: string, transport: RecommendationsTransport = {}): Promise<ProductRows> {
  const answer = await ask<ProductRecommendationsResponse>(`/api/recommendations/${encodeURIComponent(productId)}`, transport);
  const [alsoLiked = [], boughtTogether = []] = await recommended(shop, [answer.alsoLiked, answer.boughtTogether], [productId]);
  return { alsoLiked, boughtTogether };
}

/** The cart's "You may also like", from the products in it (the most the API takes). */
export async function cartRow(shop: Shop, productIds: readonly string[], transport: RecommendationsTransport = {}): Promise<Recommended[]> {
  const ids = [...new Set(productIds)].slice(0, MAX_CART_IDS);
  if (!ids.length) return [];
  const answer = await ask<CartRecommendationsResponse>(`/api/recommendations?cart=${ids.map(encodeURIComponent).join(',')}`, transport);
  return (await recommended(shop, [answer.products], ids))[0] ?? [];
}
