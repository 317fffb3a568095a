import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OwnReview, ReviewRating } from '../../core/api/reviews';
import { REVIEW_NAME_MAX, REVIEW_TEXT_MAX } from '../../core/api/reviews';
import type { ApiResult } from './api';
import { ownReviews, writeReview } from './api';

/** What the shopper has typed for one product; kept whatever the server answers. */
export interface ReviewDraft {
  readonly rating: ReviewRating | null;
  readonly text: string;
  readonly name: string;
}

export type ReviewError = Exclude<ApiResult<unknown>, { ok: true }>['error'];

/** One product of the order in the form. */
export interface ProductReviewForm {
  readonly productId: string;
  readonly variantId: string | null;
  readonly draft: ReviewDraft;
  /** `editing`: the form is open; `sending`; `done`: the review is in (`review`). */
  readonly phase: 'editing' | 'sending' | 'done';
  /** The order's review of this product, as the server last answered it. */
  readonly review: OwnReview | null;
  /** Writing changes `review` (PUT) instead of writing a new one (POST). */
  readonly changing: boolean;
  /** Why the last send failed; the draft stays, and sending again retries. */
  readonly error: ReviewError | 'rating_missing' | null;
}

export interface ReviewFormState {
  /** `failed`: the order's reviews could not be read (`error` says why: a bad token, no network). */
  readonly status: 'loading' | 'ready' | 'failed';
  readonly error: ReviewError | null;
  readonly products: readonly ProductReviewForm[];
}

export interface ReviewForm {
  readonly store: StoreApi<ReviewFormState>;
  /** Reads what the order may review and has reviewed (again, after a failure). */
  load(): Promise<void>;
  edit(productId: string, patch: Partial<ReviewDraft>): void;
  /** Opens the form again to change the order's review of this product (prefilled). */
  change(productId: string): void;
  /** Sends the draft; resolves with the review when the server took it. */
  submit(productId: string): Promise<OwnReview | null>;
}

const emptyDraft: ReviewDraft = { rating: null, text: '', name: '' };
const draftOf = (review: OwnReview): ReviewDraft => ({ rating: review.rating, text: review.text ?? '', name: review.name ?? '' });

/** Whether the author may still change a review at `now`. */
export const changeable = (review: OwnReview, now = Date.now()): boolean => Date.parse(review.editableUntil) > now;

/**
 * The review form of one order (its token): one form per product bought, written with
 * `POST /api/reviews`, changed with `PUT` within its window. A second review of a product the
 * order has reviewed is refused by the server (409 `review_exists`): the form then shows the
 * review there is and offers to change it. Nothing typed is lost on a failure.
 */
export function createReviewForm(endpoint: string, token: string, language: string, api = { ownReviews, writeReview }): ReviewForm {
  const store = createStore<ReviewFormState>()(() => ({ status: 'loading', error: null, products: [] }));
  const update = (productId: string, patch: Partial<ProductReviewForm>) =>
    store.setState((s) => ({ products: s.products.map((p) => (p.productId === productId ? { ...p, ...patch } : p)) }));
  const find = (productId: string) => store.getState().products.find((p) => p.productId === productId);

  /** The order's reviews from the server, merged into the forms without losing a draft. */
  const refresh = async (): Promise<boolean> => {
    const answer = await api.ownReviews(endpoint, token);
    if (!answer.ok) {
      if (!store.getState().products.length) store.setState({ status: 'failed', error: answer.error });
      return false;
    }
    const before = store.getState().products;
    store.setState({
      status: 'ready',
      error: null,
      products: answer.value.products.map(({ productId, variantId }) => {
        const review = answer.value.reviews.find((r) => r.productId === productId) ?? null;
        const kept = before.find((p) => p.productId === productId);
        if (kept) return { ...kept, review, phase: kept.phase === 'sending' ? 'editing' : kept.phase };
        return { productId, variantId, review, draft: review ? draftOf(review) : emptyDraft, phase: review ? 'done' : 'editing', changing: false, error: null };
      }),
    });
    return true;
  };

  return {
    store,
    async load() {
      store.setState({ status: 'loading', error: null });
      await refresh();
    },
    edit(productId, patch) {
      const form = find(productId);
      if (form) update(productId, { draft: { ...form.draft, ...patch }, error: form.error === 'rating_missing' && patch.rating ? null : form.error });
    },
    change(productId) {
      const form = find(productId);
      if (form?.review) update(productId, { phase: 'editing', changing: true, error: null, draft: form.error === 'review_exists' ? form.draft : draftOf(form.review) });
    },
    async submit(productId) {
      const form = find(productId);
      if (!form || form.phase === 'sending') return null;
      const { rating, text, name } = form.draft;
      if (!rating) {
        update(productId, { error: 'rating_missing' });
        return null;
      }
      update(productId, { phase: 'sending', error: null });
      const body = {
        token,
        productId,
        rating,
        text: text.trim().slice(0, REVIEW_TEXT_MAX) || null,
        name: name.trim().slice(0, REVIEW_NAME_MAX) || null,
        language,
      };
      const answer = await api.writeReview(endpoint, body, form.changing);
      if (answer.ok) {
        update(productId, { phase: 'done', review: answer.value.review, changing: false, error: null });
        return answer.value.review;
      }
      update(productId, { phase: 'editing', error: answer.error });
      // Reviewed already (another tab, the email's link): show that review, offer to change it.
      if (answer.error === 'review_exists') await refresh();
      return null;
    },
  };
}
