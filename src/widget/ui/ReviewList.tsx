import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PublicReview, ReviewRating, ReviewSort } from '../../core/api/reviews';
import { REVIEW_SORTS } from '../../core/api/reviews';
import type { Product } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { widgetOrigin } from '../shop/boot';
import { reviewsEndpoint } from '../reviews/api';
import { createReviewList } from '../reviews/list';
import { loadReviewMessages, type ReviewMessages } from '../reviews/messages';
import { setCardRating } from '../reviews/card-ratings';
import { formatAverage, formatReviewDate } from '../reviews/format';
import { variantLabel } from '../reviews/variant-label';
import { useStore } from './use-store';
import { Heading } from './Heading';
import { adoptCss } from './adopt-css';
import css from './reviews.css?inline';

const stars = (n: number) => '★'.repeat(Math.round(n)) + '☆'.repeat(5 - Math.round(n));

/**
 * A product's reviews in its view: the average, then 10 at a time, newest first, with a sort
 * and a filter by stars. Loaded after the view's first paint (ProductDetail.tsx), in a chunk
 * of its own; a shop without reviews yet shows a line saying so.
 */
export function ReviewList({ product }: { product: Product }) {
  const shop = useShop();
  adoptCss(shop.root, css);
  const [rt, setTexts] = useState<ReviewMessages | null>(null);
  const list = useMemo(() => createReviewList(reviewsEndpoint(shop.config, widgetOrigin), product.id), [shop, product.id]);
  const state = useStore(list.store, (s) => s);
  useEffect(() => {
    void loadReviewMessages(shop.language, shop.config.labels).then(setTexts, (error: unknown) => console.error('[fanshop] could not load the reviews’ texts:', error));
    void list.show('newest', null);
  }, [shop, list]);
  // The card shows what the list knows (a review written meanwhile, one hidden since).
  useEffect(() => {
    if (state.aggregate) void setCardRating(shop, product.id, state.aggregate);
  }, [shop, product.id, state.aggregate]);
  if (!rt) return null;
  const id = `reviews-${product.id}`;
  const count = state.aggregate?.count ?? 0;
  const fallback = shop.store.getState().catalog!.shop.defaultLocale;
  return (
    <section class="reviews" part="reviews" aria-labelledby={`${id}-title`} aria-busy={state.status === 'loading'}>
      <Heading level={shop.config.headingLevel + 1} class="reviews-title" id={`${id}-title`}>
        {rt.reviews}
      </Heading>
      {count > 0 && (
        <p class="reviews-average" part="reviews-average">
          <span aria-hidden="true" class="review-stars">{stars(state.aggregate!.average)}</span> {rt.average(formatAverage(state.aggregate!.average, shop.locale), count)}
        </p>
      )}
      {count > 0 && (
        <div class="reviews-controls">
          <label class="sort">
            <span class="sort-label">{rt.sortReviews}</span>
            <select value={state.sort} onChange={(e) => void list.show(e.currentTarget.value as ReviewSort, state.rating)}>
              {REVIEW_SORTS.map((s) => (
                <option key={s} value={s}>
                  {rt.sorts[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="sort">
            <span class="sort-label">{rt.filterReviews}</span>
            <select value={state.rating ?? ''} onChange={(e) => void list.show(state.sort, (Number(e.currentTarget.value) || null) as ReviewRating | null)}>
              <option value="">{rt.allRatings}</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {rt.onlyStars(n)} ({state.aggregate!.stars[n - 1]})
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {state.status === 'failed' ? (
        <div class="message" role="alert">
          <p>{rt.reviewsFailed}</p>
          <button type="button" class="button" onClick={() => void list.show(state.sort, state.rating)}>
            {shop.t.retry}
          </button>
        </div>
      ) : state.status === 'ready' && !state.reviews.length ? (
        <p class="review-hint">{count ? rt.noMatchingReviews : rt.noReviews}</p>
      ) : (
        <ul class="review-items" role="list">
          {state.reviews.map((r) => (
            <li key={r.id}>
              <ReviewItem review={r} rt={rt} variant={variantLabel(product, r.variantId, shop.locale, fallback)} />
            </li>
          ))}
        </ul>
      )}
      {state.status === 'ready' && state.total > state.reviews.length && (
        <>
          {state.more === 'failed' && <p role="alert">{shop.t.errorNetwork}</p>}
          <button type="button" class="button more" part="button show-more-reviews" disabled={state.more === 'loading'} onClick={() => void list.more()}>
            {state.more === 'failed' ? shop.t.retry : rt.moreReviews(state.total - state.reviews.length)}
          </button>
        </>
      )}
    </section>
  );
}

function ReviewItem({ review, rt, variant }: { review: PublicReview; rt: ReviewMessages; variant: string }) {
  const shop = useShop();
  return (
    <article class="review" data-review-id={review.id}>
      <p class="review-head">
        <span aria-hidden="true" class="review-stars">{stars(review.rating)}</span>
        <span class="visually-hidden">{rt.starsOf(review.rating)}</span>
        <span class="review-author">{review.name ?? rt.verifiedBuyer}</span>
      </p>
      <p class="review-meta">
        {review.name && <span class="review-verified">✓ {rt.verifiedBuyer}</span>}
        {variant && <span>{rt.bought(variant)}</span>}
        <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt, shop.locale)}</time>
      </p>
      {review.text && (
        <p class="review-text" lang={review.language}>
          {review.text}
        </p>
      )}
    </article>
  );
}
