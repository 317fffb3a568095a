import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { LoadingState } from './LoadingState';
import type { Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { availableUnits } from '../../core/catalog/availability';
import { addToCart, buyNow, itemPayload } from '../shop/actions';
import { useShop } from '../shop/context';
import { useStore } from './use-store';
import { Heading } from './Heading';
import { Price } from './Price';
import { Rating } from './Rating';
import { Gallery } from './Gallery';
import { VariantPicker } from './VariantPicker';
import { QuantityInput } from './QuantityInput';
import { Social } from './Social';
import { iconProps } from './icons';
import { requestHostScroll } from '../frame/host-scroll';
import { adoptCss } from './adopt-css';
import css from './detail.css?inline';
import controlsCss from './controls.css?inline';
import { paragraphs } from '../../core/catalog/paragraphs';
import { productOffer } from '../../core/catalog/offer';
import { initialSelection, matchVariant } from './variant-selection';
import { afterPaint } from '../shop/after-paint';
import { lazy } from './lazy';
import { NotifyMe } from './NotifyMe';
import { ProductRecommendations } from './recommendations-slot';

/** The reviews list: its own chunk, after the view's first paint (issue 10). */
const LazyReviewList = lazy(() => import('./ReviewList').then((m) => m.ReviewList));

/**
 * One product: gallery, description, options, quantity, "Add to cart". Opened by `#/p/<id>`.
 * Of a big catalog browsed through its server, a product the widget has not been sent yet (a
 * shared link) is asked for first, with the skeleton shown meanwhile.
 */
export function ProductDetail({ productId }: { productId: string }) {
  const shop = useShop();
  const known = useStore(shop.store, (s) => s.catalog!.products.some((p) => p.id === productId));
  const paged = useStore(shop.store, (s) => !!s.paged);
  // 'asking', then 'missing' (the catalog has no such product) or 'failed' (try again).
  const [lookup, setLookup] = useState<'asking' | 'missing' | 'failed'>('asking');
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (known || !paged) return;
    setLookup('asking');
    void import('../shop/remote')
      .then((m) => m.ensureProducts(shop, [productId]))
      .then(
        (missing) => missing.length && setLookup('missing'),
        (error: unknown) => {
          console.error(`[fanshop] could not load the product ${productId}:`, error);
          setLookup('failed');
        },
      );
  }, [shop, productId, known, paged, attempt]);
  if (!known && paged && lookup === 'asking') return <LoadingState label={shop.t.loading} />;
  if (!known && paged && lookup === 'failed') {
    return (
      <div class="detail message" data-detail part="error" role="alert">
        <button type="button" class="back link-button" part="back" onClick={() => shop.router.close()}>
          <BackIcon />
          {shop.t.back}
        </button>
        <p>{shop.t.errorNetwork}</p>
        <button type="button" class="button primary" part="button retry" onClick={retry}>
          {shop.t.retry}
        </button>
      </div>
    );
  }
  return <ProductView productId={productId} />;
}

function ProductView({ productId }: { productId: string }) {
  const shop = useShop();
  adoptCss(shop.root, controlsCss);
  adoptCss(shop.root, css);
  const { t, config } = shop;
  const catalog = useStore(shop.store, (s) => s.catalog)!;
  // A shop with its server: "Notify me", the recommendations and the reviews ask it.
  const served = useStore(shop.store, (s) => !!s.served);
  const product = catalog.products.find((p) => p.id === productId);
  const [selection, setSelection] = useState(() => (product ? initialSelection(product) : {}));
  const [quantity, setQuantity] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  // The reviews list comes once the view is on screen.
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);

  // What the shopper opened (the view is keyed by product: App.tsx), told once as view_item.
  const opened = useRef(product && { productId: product.id, variantId: matchVariant(product, selection)?.id ?? null, price: product.price });
  useEffect(() => {
    // Move focus into the view that replaced the grid, so keyboard and screen reader users follow.
    requestHostScroll();
    (heading.current ?? shop.root.querySelector<HTMLElement>('[data-detail] .back'))?.focus();
    const item = opened.current;
    if (item) shop.events.emit('view_item', itemPayload(shop, item.productId, item.variantId, 1, item.price));
    // Told: news waiting for this view (back from Stripe, checkout/return.ts) may follow now.
    shop.store.setState({ viewed: productId });
    return () => {
      // Back in the grid, return focus to the product the shopper came from.
      requestAnimationFrame(() => shop.root.querySelector<HTMLElement>(`[data-product-id="${CSS.escape(productId)}"] [data-product-link]`)?.focus());
    };
  }, [shop, productId]);

  const back = (
    <button type="button" class="back link-button" part="back" onClick={() => shop.router.close()}>
      <BackIcon />
      {t.back}
    </button>
  );
  if (!product) {
    return (
      <div class="detail" data-detail>
        {back}
        <p class="message" role="alert">{t.productNotFound}</p>
      </div>
    );
  }
  const fallback = catalog.shop.defaultLocale;
  const title = localize(product.title, shop.locale, fallback);
  const variant = product.variants.length ? matchVariant(product, selection) : undefined;
  const available = product.variants.length && !variant ? 0 : availableUnits(product, variant);
  const limit = Math.min(available, shop.limits.maxQuantity);
  const soldOut = !productOffer(product).inStock;
  const price = variant ? variant.price : product.price;
  const compareAt = variant ? variant.compareAtPrice : product.compareAtPrice;

  return (
    <>
    <article class="detail" part="detail" data-detail data-product-id={product.id}>
      {back}
      <div class="detail-body">
        <Gallery images={product.images} shown={imageOfSelection(product, selection)} />
        <div class="detail-info">
          <Heading level={config.headingLevel} class="detail-title" part="detail-title" tabIndex={-1} headingRef={heading}>
            {title}
          </Heading>
          <Price amount={price} compareAt={compareAt} />
          <Rating productId={product.id} />
          <Social product={product} />
          {available > 0 && available <= 5 && <p class="stock-note" part="stock-note">{t.onlyLeft(available)}</p>}
          {/* A Payment Link sells the product as the merchant set it up on Stripe, options included. */}
          {product.variants.length > 0 && !product.paymentLink && <VariantPicker product={product} selection={selection} onChange={setSelection} />}
          {product.paymentLink && !soldOut ? (
            <a class="button primary wide" part="button buy-now" href={product.paymentLink} target="_blank" rel="noopener" onClick={() => buyNow(shop, product)}>
              {t.buyNow}
            </a>
          ) : soldOut || available <= 0 ? (
            // What core/catalog/availability.ts `wishable` says here, without its bytes in the first view:
            // a chosen variant or a product without any cannot be bought; with no variant chosen, all of them.
            served && (variant || !product.variants.length || soldOut) ? (
              <NotifyMe product={product} variant={variant} />
            ) : (
              <button type="button" class="button primary wide" disabled>
                {product.availability === 'coming_soon' ? t.comingSoon : t.soldOut}
              </button>
            )
          ) : (
            <div class="buy-row">
              <QuantityInput value={Math.min(quantity, limit)} max={limit} label={t.quantity} onChange={setQuantity} />
              <button
                type="button"
                class="button primary wide"
                part="button add-to-cart"
                onClick={() => {
                  if (addToCart(shop, product, variant, Math.min(quantity, limit))) setQuantity(1);
                }}
              >
                {t.addToCart}
              </button>
            </div>
          )}
          <div class="description" part="description">
            {paragraphs(localize(product.description, shop.locale, fallback)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </div>
      </div>
      {served && painted && <LazyReviewList.Lazy product={product} />}
    </article>
    {/* Below the product, not part of it: [data-detail] and its parts stay the product's own. */}
    {served && <ProductRecommendations productId={product.id} />}
    </>
  );
}

const BackIcon = () => (
  <svg {...iconProps}>
    <path d="M15 18l-6-6 6-6" />
  </svg>
);

/** The image of the chosen option value that has one (a colour shows its own picture). */
function imageOfSelection(product: Product, selection: Record<string, string>): number | undefined {
  for (const option of product.options) {
    const index = option.values.find((value) => value.id === selection[option.id])?.imageIndex;
    if (index !== undefined && index >= 0) return index;
  }
  return undefined;
}
