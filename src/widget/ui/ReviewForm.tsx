import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReviewRating } from '../../core/api/reviews';
import { REVIEW_NAME_MAX, REVIEW_TEXT_MAX } from '../../core/api/reviews';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';
import { widgetOrigin } from '../shop/boot';
import { reviewsEndpoint } from '../reviews/api';
import { changeable, createReviewForm, type ProductReviewForm, type ReviewForm as Form } from '../reviews/form';
import { loadReviewMessages, type ReviewMessages } from '../reviews/messages';
import { refreshCardRating } from '../reviews/card-ratings';
import { formatReviewDate } from '../reviews/format';
import { variantLabel } from '../reviews/variant-label';
import { requestHostScroll } from '../frame/host-scroll';
import { useStore } from './use-store';
import { Heading } from './Heading';
import { adoptCss } from './adopt-css';
import { iconProps } from './icons';
import controlsCss from './controls.css?inline';
import css from './reviews.css?inline';

const STARS: readonly ReviewRating[] = [1, 2, 3, 4, 5];

/**
 * "Rate what you bought": the review form of a paid order, opened by `#/review/<token>` (the
 * confirmation's link or the merchant's email). One form per product of the order; the server
 * says what the token may do (reviews/form.ts).
 */
export function ReviewForm({ token }: { token: string }) {
  const shop = useShop();
  adoptCss(shop.root, controlsCss);
  adoptCss(shop.root, css);
  const [rt, setTexts] = useState<ReviewMessages | null | 'failed'>(null);
  const form = useMemo(() => createReviewForm(reviewsEndpoint(shop.config, widgetOrigin), decodedToken(token), shop.language), [shop, token]);
  const state = useStore(form.store, (s) => s);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadTexts = () =>
    void loadReviewMessages(shop.language, shop.config.labels).then(setTexts, (error: unknown) => {
      console.error('[fanshop] could not load the review form’s texts:', error);
      setTexts('failed');
    });
  useEffect(() => {
    loadTexts();
    void form.load();
    requestHostScroll();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per form
  }, [form]);
  useEffect(() => {
    if (typeof rt === 'object' && rt) heading.current?.focus();
  }, [rt]);
  // Told once the order's products are known: the host page hears which the shopper may rate.
  const told = useRef<Form | null>(null);
  const productIds = state.products.map((p) => p.productId);
  useEffect(() => {
    if (state.status !== 'ready' || told.current === form) return;
    told.current = form;
    shop.events.emit('review_open', { productIds });
    // A big catalog's widget may not have these products yet: their titles and pictures.
    if (shop.store.getState().paged) void import('../shop/remote').then((m) => m.ensureProducts(shop, productIds)).catch(() => {});
  }, [shop, form, state.status, productIds]);

  const back = (
    <button type="button" class="back link-button" part="back" onClick={() => shop.router.close()}>
      <svg {...iconProps}>
        <path d="M15 18l-6-6 6-6" />
      </svg>
      {shop.t.back}
    </button>
  );
  if (rt === 'failed' || !rt) {
    return (
      <section class="review-form" data-review-form>
        {back}
        {rt === 'failed' && (
          <div class="message" role="alert">
            <p>{shop.t.errorNetwork}</p>
            <button type="button" class="button primary" onClick={loadTexts}>
              {shop.t.retry}
            </button>
          </div>
        )}
      </section>
    );
  }
  return (
    <section class="review-form" part="review-form" data-review-form aria-labelledby="review-form-title">
      {back}
      <Heading level={shop.config.headingLevel} class="review-form-title" id="review-form-title" tabIndex={-1} headingRef={heading}>
        {rt.rateWhatYouBought}
      </Heading>
      {state.status === 'loading' && <p role="status">{rt.loadingOrder}</p>}
      {state.status === 'failed' && (
        <div class="message" role="alert" part="error">
          <p>{(state.error && state.error !== 'network' && rt.errors[state.error]) || rt.loadFailed}</p>
          {(state.error === 'network' || state.error === 'rate_limited' || state.error === 'reviews_unavailable') && (
            <button type="button" class="button primary" onClick={() => void form.load()}>
              {shop.t.retry}
            </button>
          )}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <p class="review-intro">{state.products.length ? rt.formIntro : rt.nothingToReview}</p>
          <ul class="review-products" role="list">
            {state.products.map((p) => (
              <li key={p.productId}>
                <ProductReview form={form} item={p} rt={rt} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The token as the link carries it; a mail program may have percent-encoded it. */
function decodedToken(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function ProductReview({ form, item, rt }: { form: Form; item: ProductReviewForm; rt: ReviewMessages }) {
  const shop = useShop();
  const catalog = useStore(shop.store, (s) => s.catalog);
  const product = catalog?.products.find((p) => p.id === item.productId);
  const fallback = catalog?.shop.defaultLocale ?? shop.locale;
  const title = product ? localize(product.title, shop.locale, fallback) : item.productId;
  const variant = variantLabel(product, item.variantId, shop.locale, fallback);
  const image = product?.images[0];
  const [sentHere, setSentHere] = useState(false);
  const id = `review-${item.productId}`;
  const { draft, review, phase, error } = item;

  const article = useRef<HTMLElement>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const written = await form.submit(item.productId);
    // The button pressed may be gone (thanks, or "already reviewed"): focus goes to what the
    // server's answer says, not to the page's start.
    requestAnimationFrame(() => article.current?.querySelector<HTMLElement>('.review-status, .review-error')?.focus());
    if (!written) return;
    setSentHere(true);
    shop.events.emit('review_submit', { productId: written.productId, variantId: written.variantId, rating: written.rating, change: item.changing, status: written.status });
    void refreshCardRating(shop, reviewsEndpoint(shop.config, widgetOrigin), written.productId);
  };

  let body;
  if (phase === 'done' && review) {
    const open = changeable(review);
    body = (
      <div class="review-done">
        <p role="status" class="review-status" tabIndex={-1}>
          {sentHere ? (review.status === 'pending' ? rt.thanksPending : rt.thanksPublished) : review.status === 'hidden' ? rt.reviewHidden : rt.alreadyReviewed}
        </p>
        <p>
          <span aria-hidden="true" class="review-stars">{'★'.repeat(review.rating) + '☆'.repeat(5 - review.rating)}</span>{' '}
          {rt.yourReview(rt.starsOf(review.rating))}
        </p>
        {review.text && <p class="review-text">{review.text}</p>}
        {open ? (
          <>
            <p class="review-hint">{rt.changeUntil(formatReviewDate(review.editableUntil, shop.locale))}</p>
            <button type="button" class="button" onClick={() => form.change(item.productId)}>
              {rt.changeReview}
            </button>
          </>
        ) : (
          <p class="review-hint">{rt.cannotChange}</p>
        )}
      </div>
    );
  } else {
    const exists = error === 'review_exists';
    const sending = phase === 'sending';
    body = (
      <form class="review-fields" onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? `${id}-error` : undefined}>
        <fieldset class="stars-input">
          <legend>{rt.yourRating}</legend>
          <div class="stars-row">
            {STARS.map((n) => (
              <label key={n} class="star-option">
                <input
                  type="radio"
                  class="visually-hidden"
                  name={`${id}-rating`}
                  value={n}
                  checked={draft.rating === n}
                  onChange={() => form.edit(item.productId, { rating: n })}
                />
                {/* Chosen and not chosen differ in shape, not in colour alone (WCAG 1.4.1). */}
                <span aria-hidden="true">{draft.rating && n <= draft.rating ? '★' : '☆'}</span>
                <span class="visually-hidden">{rt.stars(n)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="field">
          <span class="field-label">{rt.reviewText}</span>
          <textarea rows={4} maxLength={REVIEW_TEXT_MAX} value={draft.text} onInput={(e) => form.edit(item.productId, { text: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span class="field-label">{rt.reviewName}</span>
          <input type="text" maxLength={REVIEW_NAME_MAX} autocomplete="nickname" value={draft.name} aria-describedby={`${id}-name-hint`} onInput={(e) => form.edit(item.productId, { name: e.currentTarget.value })} />
          <span class="review-hint" id={`${id}-name-hint`}>
            {rt.nameHint}
          </span>
        </label>
        {error && (
          <div class="review-error" id={`${id}-error`} role="alert" tabIndex={-1}>
            <p>{exists ? rt.alreadyReviewed : (rt.errors[error] ?? rt.errors.other)}</p>
            {exists && review && (changeable(review) ? (
              <button type="button" class="button" onClick={() => form.change(item.productId)}>
                {rt.changeReview}
              </button>
            ) : (
              <p>{rt.cannotChange}</p>
            ))}
          </div>
        )}
        {!exists && (
          <button type="submit" class="button primary" part="button review-submit" disabled={sending} aria-disabled={sending}>
            {sending ? rt.sending : error === 'network' ? rt.retrySend : item.changing ? rt.saveChange : rt.send}
          </button>
        )}
      </form>
    );
  }
  return (
    <article class="review-product" aria-labelledby={`${id}-title`} data-review-product={item.productId} ref={article}>
      <div class="review-product-head">
        {image ? <img class="review-product-image" src={image.src} alt="" width={56} height={56} /> : <span class="review-product-image" />}
        <div>
          <Heading level={shop.config.headingLevel + 1} class="review-product-title" id={`${id}-title`}>
            {title}
          </Heading>
          {variant && <p class="review-hint">{variant}</p>}
        </div>
      </div>
      {body}
    </article>
  );
}
