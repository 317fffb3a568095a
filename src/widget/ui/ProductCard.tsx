import type { Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';
import { Heading } from './Heading';
import { Price } from './Price';
import { productOffer } from '../../core/catalog/offer';
import { comingSoon } from '../../core/catalog/availability';
import { actionsModule, LazySocial } from './lazy-parts';
import { Rating } from './rating-part';
import { useStore } from './use-store';

export function ProductCard({ product }: { product: Product }) {
  const shop = useShop();
  const { t, config } = shop;
  const fallback = shop.store.getState().catalog!.shop.defaultLocale;
  const title = localize(product.title, shop.locale, fallback);
  const offer = productOffer(product);
  const soldOut = !offer.inStock;
  const soldOutText = comingSoon(product) ? t.comingSoon : t.soldOut;
  const image = product.images[0];
  const href = `#/p/${encodeURIComponent(product.id)}`;
  const titleId = `title-${product.id}`;
  // Its stars, once it has a published review: their code is in by then (ui/rating-part.ts).
  const rated = useStore(shop.store, (s) => !!s.ratings?.[product.id]);
  const open = (e: MouseEvent) => {
    // Plain clicks stay in the shop; modified clicks (new tab) follow the href.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    shop.router.open(product.id);
  };
  return (
    <article class="card" part="card" data-product-id={product.id}>
      <a class="card-media" href={href} tabIndex={-1} aria-hidden="true" onClick={open}>
        {image ? (
          <img class="card-image" part="image" src={image.src} alt="" width={image.width} height={image.height} loading="lazy" decoding="async" />
        ) : (
          <div class="card-image" />
        )}
        {soldOut ? (
          <span class="badge-label sold-out" part="badge">{soldOutText}</span>
        ) : (
          offer.onSale && <span class="badge-label sale" part="badge">{t.sale}</span>
        )}
      </a>
      <LazySocial.Lazy product={product} overlay />
      <Heading level={config.headingLevel + 1} class="card-title" part="card-title" id={titleId}>
        <a href={href} onClick={open} data-product-link>
          {title}
        </a>
      </Heading>
      <Price amount={offer.price} compareAt={offer.compareAtPrice} from={offer.priceVaries} />
      {rated && Rating && <Rating productId={product.id} />}
      {product.paymentLink && !soldOut ? (
        // Static mode: Stripe's Payment Link page, in a new tab (it cannot be framed).
        <a class="button primary" part="button buy-now" href={product.paymentLink} target="_blank" rel="noopener" aria-describedby={titleId} onClick={() => void actionsModule.load().then((m) => m.buyNow(shop, product))}>
          {t.buyNow}
        </a>
      ) : soldOut && shop.store.getState().served ? (
        // With its server, the shop takes an email for it: "Notify me" opens its view, where the form is.
        <button type="button" class="button primary" part="button notify-me" aria-describedby={titleId} onClick={open}>
          {t.notifyMe}
        </button>
      ) : (
      <button
        type="button"
        class="button primary"
        part="button add-to-cart"
        disabled={soldOut}
        aria-describedby={titleId}
        onClick={() =>
          product.variants.length ? shop.router.open(product.id) : void actionsModule.load().then((m) => m.addToCart(shop, product, undefined, 1))
        }
      >
        {soldOut ? soldOutText : t.addToCart}
      </button>
      )}
    </article>
  );
}
