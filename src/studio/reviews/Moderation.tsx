import { useCallback, useEffect, useState } from 'preact/hooks';
import { STUDIO_REVIEW_STATUSES, type StudioReview, type StudioReviewsResponse, type StudioReviewStatus } from '../../core/api/studio';
import { studioFetch } from '../api';
import { studioLanguage, textsFor } from '../i18n';
import { MODERATION_TEXTS } from './messages';

type Load = { kind: 'loading' } | { kind: 'failed'; noStore: boolean } | { kind: 'ready'; answer: StudioReviewsResponse };

/**
 * `#/reviews`: the reviews waiting for the merchant (FANSHOP_REVIEWS_MODERATION=hold), the
 * published and the hidden ones, each approved, hidden or shown again with one button, and
 * each product's average of its published reviews. What `fanshop reviews` does, on a page.
 */
export default function Moderation() {
  const language = studioLanguage();
  const t = textsFor(MODERATION_TEXTS, language);
  const [status, setStatus] = useState<StudioReviewStatus>('pending');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();

  const refresh = useCallback(async (which: StudioReviewStatus) => {
    try {
      const response = await studioFetch(`/api/studio/reviews?status=${which}`);
      if (!response.ok) return setLoad({ kind: 'failed', noStore: response.status === 503 });
      setLoad({ kind: 'ready', answer: (await response.json()) as StudioReviewsResponse });
    } catch {
      setLoad({ kind: 'failed', noStore: false });
    }
  }, []);
  useEffect(() => void refresh(status), [refresh, status]);

  const decide = async (review: StudioReview, next: StudioReviewStatus) => {
    setMessage(undefined);
    try {
      const response = await studioFetch(`/api/studio/reviews/${encodeURIComponent(review.id)}`, { method: 'POST', body: JSON.stringify({ status: next }) });
      if (!response.ok) return setMessage({ text: t.changeFailed, error: true });
      setMessage({ text: t.done[next], error: false });
      await refresh(status);
    } catch {
      setMessage({ text: t.changeFailed, error: true });
    }
  };

  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2, minimumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const answer = load.kind === 'ready' ? load.answer : undefined;
  return (
    <section class="moderation" aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t.title}</h1>
      <div class="tabs" role="group" aria-label={t.tabs}>
        {STUDIO_REVIEW_STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={s === status} onClick={() => (setMessage(undefined), setStatus(s))}>
            {t.status[s]}
            {answer ? ` (${answer.counts[s]})` : ''}
          </button>
        ))}
      </div>
      <p class={message?.error ? 'error' : 'notice'} role="status">
        {message?.text ?? ''}
      </p>
      {load.kind === 'failed' && (
        <p class="error" role="alert">
          {load.noStore ? t.noStore : t.loadFailed}{' '}
          {!load.noStore && (
            <button type="button" class="quiet" onClick={() => void refresh(status)}>
              {t.retry}
            </button>
          )}
        </p>
      )}
      {answer && (
        <>
          {answer.reviews.length === 0 ? (
            <p>{t.empty[status]}</p>
          ) : (
            <ul class="reviews">
              {answer.reviews.map((review) => (
                <li key={review.id} class="review">
                  <p class="review-product">{review.productTitle ?? t.unknownProduct(review.productId)}</p>
                  <p>
                    <span class="stars" role="img" aria-label={t.stars(review.rating)}>
                      {'★'.repeat(review.rating)}
                      {'☆'.repeat(5 - review.rating)}
                    </span>{' '}
                    {t.by(review.name)} · <time dateTime={review.createdAt}>{date.format(new Date(review.createdAt))}</time>
                  </p>
                  {review.text && <blockquote lang={review.language}>{review.text}</blockquote>}
                  <div class="actions">
                    {review.status !== 'published' && (
                      <button type="button" onClick={() => void decide(review, 'published')}>
                        {review.status === 'hidden' ? t.showAgain : t.approve}
                      </button>
                    )}
                    {review.status !== 'hidden' && (
                      <button type="button" class="quiet" onClick={() => void decide(review, 'hidden')}>
                        {t.hide}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {answer.products.length > 0 && (
            <table class="averages">
              <caption>{t.averages}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.product}</th>
                  <th scope="col">{t.average}</th>
                  <th scope="col">{t.count}</th>
                </tr>
              </thead>
              <tbody>
                {answer.products.map((p) => (
                  <tr key={p.productId}>
                    <th scope="row">{p.title ?? t.unknownProduct(p.productId)}</th>
                    <td>{p.count ? `★ ${number.format(p.average)}` : t.none}</td>
                    <td>{p.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
