import { describe, expect, it, vi } from 'vitest';
import type { OwnReview, OwnReviewsResponse, ReviewRequestBody, ReviewWriteResponse } from '../../core/api/reviews';
import type { ApiResult } from './api';
import { changeable, createReviewForm } from './form';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const own = (productId: string, patch: Partial<OwnReview> = {}): OwnReview => ({
  id: `r-${productId}`,
  productId,
  variantId: null,
  rating: 4,
  text: 'Good mug',
  name: null,
  language: 'en',
  createdAt: inDays(-1),
  updatedAt: inDays(-1),
  verifiedBuyer: true,
  status: 'published',
  editableUntil: inDays(29),
  ...patch,
});
const order = (reviews: OwnReview[] = []): ApiResult<OwnReviewsResponse> => ({
  ok: true,
  value: { expiresAt: inDays(100), products: [{ productId: 'mug', variantId: null }, { productId: 'tee', variantId: 'tee-m' }], reviews },
});

function setup(answers: { own?: ApiResult<OwnReviewsResponse>[]; write?: ApiResult<ReviewWriteResponse>[] }) {
  const ownReviews = vi.fn(() => Promise.resolve(answers.own!.shift()!));
  const writeReview = vi.fn((_endpoint: string, _body: ReviewRequestBody, _change: boolean) => Promise.resolve(answers.write!.shift()!));
  const form = createReviewForm('https://shop.example/api/reviews', 'v1.token', 'de', { ownReviews, writeReview });
  return { form, ownReviews, writeReview, product: (id: string) => form.store.getState().products.find((p) => p.productId === id)! };
}

describe('createReviewForm', () => {
  it('opens one empty form per product the order may review', async () => {
    const { form } = setup({ own: [order()] });
    await form.load();
    expect(form.store.getState().status).toBe('ready');
    expect(form.store.getState().products.map((p) => [p.productId, p.variantId, p.phase])).toEqual([
      ['mug', null, 'editing'],
      ['tee', 'tee-m', 'editing'],
    ]);
  });

  it('shows a product the order has reviewed as done, not as a new form', async () => {
    const { form, product } = setup({ own: [order([own('mug')])] });
    await form.load();
    expect(product('mug')).toMatchObject({ phase: 'done', review: { id: 'r-mug' } });
    expect(product('tee').phase).toBe('editing');
  });

  it('fails with the server’s reason for a forged or expired token', async () => {
    const { form } = setup({ own: [{ ok: false, error: 'review_token_invalid' }] });
    await form.load();
    expect(form.store.getState()).toMatchObject({ status: 'failed', error: 'review_token_invalid', products: [] });
  });

  it('asks for stars before sending anything', async () => {
    const { form, writeReview, product } = setup({ own: [order()] });
    await form.load();
    form.edit('mug', { text: 'Nice' });
    expect(await form.submit('mug')).toBeNull();
    expect(writeReview).not.toHaveBeenCalled();
    expect(product('mug').error).toBe('rating_missing');
    form.edit('mug', { rating: 5 });
    expect(product('mug').error).toBeNull();
  });

  it('posts the stars, the trimmed text and name and the shop’s language, and shows the review', async () => {
    const written = own('mug', { rating: 5, text: 'Great', name: 'Erika', status: 'pending' });
    const { form, writeReview, product } = setup({ own: [order()], write: [{ ok: true, value: { review: written } }] });
    await form.load();
    form.edit('mug', { rating: 5, text: '  Great \n', name: ' Erika ' });
    expect(await form.submit('mug')).toEqual(written);
    expect(writeReview).toHaveBeenCalledWith('https://shop.example/api/reviews', { token: 'v1.token', productId: 'mug', rating: 5, text: 'Great', name: 'Erika', language: 'de' }, false);
    expect(product('mug')).toMatchObject({ phase: 'done', review: { status: 'pending' }, error: null });
  });

  it('sends no text or name at all when they are left empty', async () => {
    const { form, writeReview } = setup({ own: [order()], write: [{ ok: true, value: { review: own('mug') } }] });
    await form.load();
    form.edit('mug', { rating: 3, text: '   ' });
    await form.submit('mug');
    expect(writeReview.mock.calls[0]![1]).toMatchObject({ text: null, name: null });
  });

  it('keeps everything typed when the network fails, and sends it again on retry', async () => {
    const { form, writeReview, product } = setup({ own: [order()], write: [{ ok: false, error: 'network' }, { ok: true, value: { review: own('mug', { rating: 2 }) } }] });
    await form.load();
    form.edit('mug', { rating: 2, text: 'Chipped on arrival', name: 'Max' });
    expect(await form.submit('mug')).toBeNull();
    expect(product('mug')).toMatchObject({ phase: 'editing', error: 'network', draft: { rating: 2, text: 'Chipped on arrival', name: 'Max' } });
    await form.submit('mug');
    expect(writeReview).toHaveBeenCalledTimes(2);
    expect(writeReview.mock.calls[1]![1]).toMatchObject({ text: 'Chipped on arrival', name: 'Max' });
    expect(product('mug').phase).toBe('done');
  });

  it('on 409 shows the review there is and changes it with PUT, keeping the new draft', async () => {
    const existing = own('mug', { rating: 3 });
    const { form, writeReview, product } = setup({
      own: [order(), order([existing])],
      write: [{ ok: false, error: 'review_exists' }, { ok: true, value: { review: own('mug', { rating: 1 }) } }],
    });
    await form.load();
    form.edit('mug', { rating: 1, text: 'Broke' });
    await form.submit('mug');
    expect(product('mug')).toMatchObject({ phase: 'editing', error: 'review_exists', review: { rating: 3 }, draft: { rating: 1, text: 'Broke' } });
    form.change('mug');
    expect(product('mug')).toMatchObject({ changing: true, error: null, draft: { rating: 1, text: 'Broke' } });
    await form.submit('mug');
    expect(writeReview.mock.calls[1]![2]).toBe(true);
    expect(product('mug')).toMatchObject({ phase: 'done', changing: false, review: { rating: 1 } });
  });

  it('prefills a change of a review written earlier with that review', async () => {
    const { form, product } = setup({ own: [order([own('mug', { rating: 4, text: 'Good mug', name: 'Erika' })])] });
    await form.load();
    form.change('mug');
    expect(product('mug')).toMatchObject({ phase: 'editing', changing: true, draft: { rating: 4, text: 'Good mug', name: 'Erika' } });
  });

  it('tells whether a review may still be changed', () => {
    expect(changeable(own('mug', { editableUntil: inDays(1) }))).toBe(true);
    expect(changeable(own('mug', { editableUntil: inDays(-1) }))).toBe(false);
  });
});
