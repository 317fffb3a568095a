import type { ProductRating, ProductRatings } from '../../core/api/reviews';
import type { Product } from '../../core/catalog/types';
import type { ShopStore } from '../shop/store';
import { loadRating } from '../ui/rating-part';
import { reviewAggregates } from './api';

/** What the cards' stars need of the shop: its store, and its `more` texts (the stars' sentence). */
type CardShop = { readonly store: ShopStore; readonly more: { load(): Promise<unknown> } };

/**
 * A product's stars on its card (shop/store.ts `ratings`), as newer news tells them: the list
 * in its view, or the shopper's own review just written. No published review: no stars. The
 * stars' code comes first (ui/rating-part.ts), so the card renders them whole.
 */
export async function setCardRating(shop: CardShop, productId: string, rating: ProductRating | undefined): Promise<void> {
  const { store } = shop;
  if (rating?.count) await loadRating(shop.more);
  const ratings = store.getState().ratings ?? {};
  const known = ratings[productId];
  if (rating?.count ? known?.count === rating.count && known.average === rating.average : !known) return;
  const { [productId]: _gone, ...others } = ratings;
  store.setState({ ratings: rating?.count ? { ...others, [productId]: { average: rating.average, count: rating.count } } : others });
}

/**
 * The stars a page of products came with (shop/remote.ts): theirs replace what was known of
 * them; an unchanged rating stays the same object, so its card does not render again.
 */
export function withPageRatings(known: ProductRatings | undefined, products: readonly Product[], sent: ProductRatings | undefined): ProductRatings {
  const ratings: Record<string, ProductRating> = { ...known };
  for (const { id } of products) {
    const now = sent?.[id];
    const before = ratings[id];
    if (!now) delete ratings[id];
    else if (before?.average !== now.average || before.count !== now.count) ratings[id] = now;
  }
  return ratings;
}

/** After the shopper's review was taken: the product's numbers now (`GET /api/reviews?ids=`), for its card. */
export async function refreshCardRating(shop: CardShop, endpoint: string, productId: string): Promise<void> {
  const answer = await reviewAggregates(endpoint, [productId]);
  if (answer.ok) await setCardRating(shop, productId, answer.value.aggregates[productId]);
  else console.warn('[fanshop] could not read the product’s new rating:', answer.error);
}
