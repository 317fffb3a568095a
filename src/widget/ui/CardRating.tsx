import { useEffect } from 'preact/hooks';
import type { Product } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { ratingsFor } from '../reviews/ratings';
import { formatAverage } from '../reviews/format';
import { useStore } from './use-store';
import { adoptCss } from './adopt-css';
import css from './social.css?inline';

/**
 * A card's stars, ★ 4.6 (23), once the product has a published review: read after the grid's
 * first paint (reviews/ratings.ts) into the line the card keeps for it, so nothing moves.
 */
export function CardRating({ product }: { product: Product }) {
  const productId = product.id;
  const shop = useShop();
  const ratings = ratingsFor(shop);
  const rating = useStore(ratings.store, (s) => s[productId]);
  useEffect(() => ratings.want(productId), [ratings, productId]);
  if (!rating?.count) return null;
  adoptCss(shop.root, css);
  const average = formatAverage(rating.average, shop.locale);
  return (
    <span>
      <span aria-hidden="true">
        ★ {average} ({rating.count})
      </span>
      <span class="visually-hidden">{shop.t.rated(average, rating.count)}</span>
    </span>
  );
}
