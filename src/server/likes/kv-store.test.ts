import { describe, expect, it } from 'vitest';
import { kvLikesStore, type KvLikesNamespace } from './kv-store';

/** A namespace as one KV location sees it (no propagation delay); worker.test.ts runs the real one in workerd. */
function fakeKv(): KvLikesNamespace & { keys: () => string[] } {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    put: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    keys: () => [...values.keys()].sort(),
  };
}

describe('kvLikesStore', () => {
  it('counts a shopper once, takes an unlike away, and tells which products a shopper likes', async () => {
    const kv = fakeKv();
    const likes = kvLikesStore(kv);
    expect(await likes.setLike('mug', 'shopper-a', true)).toEqual({ count: 1, liked: true });
    expect(await likes.setLike('mug', 'shopper-a', true)).toEqual({ count: 1, liked: true });
    expect(await likes.setLike('mug', 'shopper-b', true)).toEqual({ count: 2, liked: true });
    expect(await likes.setLike('mug', 'shopper-a', false)).toEqual({ count: 1, liked: false });
    expect(await likes.setLike('tea', 'shopper-b', true)).toEqual({ count: 1, liked: true });
    expect(await likes.counts(['mug', 'tea', 'jam'])).toEqual({ mug: 1, tea: 1, jam: 0 });
    expect(await likes.likedBy('shopper-b', ['jam', 'tea', 'mug'])).toEqual(['tea', 'mug']);
    expect(kv.keys()).toEqual(['count:mug', 'count:tea', 'liked:mug:shopper-b', 'liked:tea:shopper-b']);
  });

  it('never counts below zero', async () => {
    const kv = fakeKv();
    await kv.put('liked:mug:shopper-a', '1');
    expect(await kvLikesStore(kv).setLike('mug', 'shopper-a', false)).toEqual({ count: 0, liked: false });
  });
});
