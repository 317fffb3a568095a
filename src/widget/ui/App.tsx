import { useRef } from 'preact/hooks';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';
import { defaultScheme } from '../config';
import { useStore } from './use-store';
import { Heading } from './Heading';
import { Browse } from './Browse';
import { LazyCartButton, LazyCartDrawer, LazyNotices, LazyProductDetail, LazyReviewForm } from './lazy-parts';
import { LiveRegion } from './LiveRegion';
import { LoadingState } from './LoadingState';
import { ErrorState } from './ErrorState';

export function App() {
  const shop = useShop();
  const { config, t } = shop;
  const status = useStore(shop.store, (s) => s.status);
  // The shop's own details: they stay the same object while products come and go.
  const info = useStore(shop.store, (s) => s.catalog?.shop);
  const productId = useStore(shop.store, (s) => s.productId);
  const reviewToken = useStore(shop.store, (s) => s.reviewToken);
  // The drawer's code loads the first time the cart opens; after that it stays mounted.
  const cartOpen = useStore(shop.store, (s) => s.cartOpen);
  const hasNotices = useStore(shop.store, (s) => s.notices.length > 0);
  const cartUsed = useRef(false);
  cartUsed.current ||= cartOpen;
  const name = info ? localize(info.name, shop.locale, info.defaultLocale) : '';
  return (
    <section class="root" part="root" lang={shop.locale} data-scheme={config.theme.scheme ?? defaultScheme} aria-label={name ? t.shopLabel(name) : undefined} aria-busy={status === 'loading'}>
      {status !== 'error' && (
      <header class="header" part="header">
        {config.showTitle && name ? (
          <Heading level={config.headingLevel} class="shop-title" part="title">
            {name}
          </Heading>
        ) : (
          <span />
        )}
        {status === 'ready' && !info!.paymentLinks && <LazyCartButton.Lazy />}
      </header>
      )}
      {hasNotices && <LazyNotices.Lazy />}
      {status === 'loading' && <LoadingState label={t.loading} />}
      {status === 'error' && <ErrorState />}
      {status === 'ready' && (
        <>
          <Browse hidden={productId !== null || !!reviewToken} />
          {productId !== null && <LazyProductDetail.Lazy key={productId} productId={productId} />}
          {reviewToken && <LazyReviewForm.Lazy token={reviewToken} />}
          {cartUsed.current && <LazyCartDrawer.Lazy />}
        </>
      )}
      <LiveRegion />
    </section>
  );
}
