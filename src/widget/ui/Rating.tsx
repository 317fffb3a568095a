import { useShop } from '../shop/context';
import { formatAverage } from '../reviews/average';
import { useStore } from './use-store';
import { adoptCss } from './adopt-css';
import css from './rating.css?inline';

/**
 * A product's stars, ★ 4.6 (23), on its card and in its view: only once it has a published
 * review. They come with the product (shop/store.ts `ratings`), so the server's first view has
 * them and nothing arrives after it; the cards load this code only for a shop with ratings
 * (ui/rating-part.ts). A screen reader hears one sentence, "Rated 4.6 out of 5 by 23 buyers"
 * (in the `*-more` texts), not "star 4.6 (23)".
 */
export function Rating({ productId }: { productId: string }) {
  const shop = useShop();
  adoptCss(shop.root, css);
  const rating = useStore(shop.store, (s) => s.ratings?.[productId]);
  if (!rating) return null;
  const average = formatAverage(rating.average, shop.locale);
  return (
    <p class="rating" part="rating" role="img" aria-label={shop.t.rated(average, rating.count)}>
      ★ {average} ({rating.count})
    </p>
  );
}
