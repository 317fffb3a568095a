import { describe, expect, it, vi } from 'vitest';
import type { ReviewAggregate } from '../../core/api/reviews';
import { createRatings } from './ratings';

const aggregate = (count: number, average: number): ReviewAggregate => ({ count, average, stars: [0, 0, 0, 0, count] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createRatings', () => {
  it('asks for every card rendered in one tick in one request, and keeps the answers', async () => {
    const fetchAggregates = vi.fn().mockResolvedValue({ ok: true, value: { aggregates: { mug: aggregate(23, 4.6), tee: aggregate(0, 0) } } });
    const ratings = createRatings('/api/reviews', fetchAggregates);
    ratings.want('mug');
    ratings.want('tee');
    ratings.want('mug');
    await tick();
    expect(fetchAggregates).toHaveBeenCalledTimes(1);
    expect(fetchAggregates).toHaveBeenCalledWith('/api/reviews', ['mug', 'tee']);
    expect(ratings.store.getState()).toEqual({ mug: { count: 23, average: 4.6 }, tee: { count: 0, average: 0 } });
    ratings.want('mug');
    await tick();
    expect(fetchAggregates).toHaveBeenCalledTimes(1);
  });

  it('asks 100 products at most per request', async () => {
    const fetchAggregates = vi.fn().mockResolvedValue({ ok: true, value: { aggregates: {} } });
    const ratings = createRatings('/api/reviews', fetchAggregates);
    for (let i = 0; i < 150; i++) ratings.want(`p${i}`);
    await tick();
    await tick();
    expect(fetchAggregates.mock.calls.map((c) => (c[1] as string[]).length)).toEqual([100, 50]);
  });

  it('asks again after a failure, and after the shopper reviewed the product', async () => {
    const fetchAggregates = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'network' })
      .mockResolvedValueOnce({ ok: true, value: { aggregates: { mug: aggregate(1, 5) } } })
      .mockResolvedValueOnce({ ok: true, value: { aggregates: { mug: aggregate(2, 4.5) } } });
    const ratings = createRatings('/api/reviews', fetchAggregates);
    ratings.want('mug');
    await tick();
    expect(ratings.store.getState().mug).toBeUndefined();
    ratings.want('mug');
    await tick();
    expect(ratings.store.getState().mug).toEqual({ count: 1, average: 5 });
    ratings.refresh('mug');
    await tick();
    expect(ratings.store.getState().mug).toEqual({ count: 2, average: 4.5 });
  });

  it('asks nothing in a shop without a server', async () => {
    const fetchAggregates = vi.fn();
    const ratings = createRatings(null, fetchAggregates);
    ratings.want('mug');
    await tick();
    expect(fetchAggregates).not.toHaveBeenCalled();
  });
});
