import { localize } from '../../core/catalog/localize';
import { productOffer } from '../../core/catalog/offer';
import type { FanshopRecommendationPayload } from '../social/events';
import { addToCart } from '../shop/actions';
import { useShop } from '../shop/context';
import type { ProductRows, Recommended } from '../shop/recommendations';
import { adoptCss } from './adopt-css';
import { Heading } from './Heading';
import { Price } from './Price';
import css from './recommendations.css?inline';

export { cartRow, productRows } from '../shop/recommendations';

type Row = FanshopRecommendationPayload['from'];

/** The product view's rows, below its content; a row with nothing in it is not shown. */
export function ProductRowsView({ rows }: { rows: ProductRows }) {
  const { t } = useShop();
  return (
    <>
      <RecommendationRow from="also_liked" title={t.alsoLiked} items={rows.alsoLiked} />
      <RecommendationRow from="bought_together" title={t.boughtTogether} items={rows.boughtTogether} />
    </>
  );
}

/** The cart's "You may also like", with Add to cart on the products that have no options to choose. */
export function CartRowView({ items }: { items: readonly Recommended[] }) {
  return <RecommendationRow from="cart" title={useShop().t.youMayAlsoLike} items={items} />;
}

/**
 * One row of up to four small cards: image, title and price, linked to the product's view.
 * A click tells the host page `recommendation_click` (social/events.ts).
 */
function RecommendationRow({ from, title, items }: { from: Row; title: string; items: readonly Recommended[] }) {
  const shop = useShop();
  adoptCss(shop.root, css);
  if (!items.length) return null;
  const fallback = shop.store.getState().catalog!.shop.defaultLocale;
  const headingId = `recs-${from}`;
  const tell = ({ product, source }: Recommended) => shop.events.emit('recommendation_click', { productId: product.id, source, from });
  const open = (item: Recommended) => (e: MouseEvent) => {
    tell(item);
    // Modified clicks (a new tab) follow the href.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const dialog = (e.currentTarget as Element).closest('dialog');
    // From the cart: open the product once the drawer has closed and given focus back, so the
    // product view's heading gets it (ProductDetail.tsx).
    if (dialog?.open) {
      dialog.addEventListener('close', () => shop.router.open(item.product.id), { once: true });
      dialog.close();
    } else shop.router.open(item.product.id);
  };
  return (
    <section class="recs" part="recommendations" data-recommendations={from} aria-labelledby={headingId}>
      <Heading level={shop.config.headingLevel + 1} class="recs-title" id={headingId}>
        {title}
      </Heading>
      <ul class="recs-list">
        {items.map((item) => {
          const { product } = item;
          const offer = productOffer(product);
          const image = product.images[0];
          const titleId = `${headingId}-${product.id}`;
          return (
            <li key={product.id} class="rec" part="recommendation" data-product-id={product.id}>
              <a class="rec-link" href={`#/p/${encodeURIComponent(product.id)}`} onClick={open(item)}>
                {image ? <img class="rec-image" src={image.src} alt="" width={image.width} height={image.height} loading="lazy" decoding="async" /> : <span class="rec-image" />}
                <span class="rec-title" id={titleId}>
                  {localize(product.title, shop.locale, fallback)}
                </span>
              </a>
              <Price amount={offer.price} compareAt={offer.compareAtPrice} from={offer.priceVaries} />
              {from === 'cart' && !product.variants.length && !product.paymentLink && (
                <button
                  type="button"
                  class="button primary"
                  part="button add-to-cart"
                  aria-describedby={titleId}
                  onClick={() => {
                    if (addToCart(shop, product, undefined, 1)) tell(item);
                  }}
                >
                  {shop.t.addToCart}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
