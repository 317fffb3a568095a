import type { ApiErrorBody, ApiErrorCode } from '../../core/api/errors';
import type {
  OwnReviewsResponse,
  ReviewAggregatesResponse,
  ReviewRequestBody,
  ReviewSort,
  ReviewsPageResponse,
  ReviewWriteResponse,
} from '../../core/api/reviews';

/**
 * The widget's side of the reviews API (server/reviews/route.ts, shapes in core/api/reviews.ts).
 * Every call answers a value, never throws: `network` when no answer came (offline, a blocker),
 * else the server's error code, so the form can say what to do next and keep what was typed.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorCode | 'network' | 'other' };

/** Where the reviews API is: beside the checkout the shop uses (its server). */
export function reviewsEndpoint(config: { checkoutUrl?: string | undefined }, origin: string): string {
  return new URL('/api/reviews', config.checkoutUrl ? new URL(config.checkoutUrl, document.baseURI) : origin).href;
}

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', ...init });
  } catch {
    return { ok: false, error: 'network' };
  }
  const body = (await response.json().catch(() => null)) as (T & Partial<ApiErrorBody>) | null;
  if (response.ok && body) return { ok: true, value: body };
  return { ok: false, error: body?.error?.code ?? (response.status >= 500 || !body ? 'network' : 'other') };
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** `POST /api/reviews` (a new review) or `PUT` (a change of the order's review of that product). */
export function writeReview(endpoint: string, body: ReviewRequestBody, change: boolean): Promise<ApiResult<ReviewWriteResponse>> {
  return call(endpoint, json(change ? 'PUT' : 'POST', body));
}

/** `POST /api/reviews/own`: what the order may review and what it has reviewed. */
export function ownReviews(endpoint: string, token: string): Promise<ApiResult<OwnReviewsResponse>> {
  return call(`${endpoint}/own`, json('POST', { token }));
}

/** `GET /api/reviews/:productId`: a page of a product's published reviews. */
export function reviewsPage(endpoint: string, productId: string, query: { page: number; sort: ReviewSort; rating: number | null }): Promise<ApiResult<ReviewsPageResponse>> {
  const params = new URLSearchParams({ page: String(query.page), sort: query.sort });
  if (query.rating) params.set('rating', String(query.rating));
  return call(`${endpoint}/${encodeURIComponent(productId)}?${params}`);
}

/** `GET /api/reviews?ids=`: the aggregates of up to 100 products. */
export function reviewAggregates(endpoint: string, ids: readonly string[]): Promise<ApiResult<ReviewAggregatesResponse>> {
  return call(`${endpoint}?ids=${ids.map(encodeURIComponent).join(',')}`);
}
