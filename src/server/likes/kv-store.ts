import type { LikesStore } from './store';

/**
 * The parts of a Workers KV namespace binding this store uses (as orders/kv-store.ts, plus
 * delete), typed here so the repository needs no @cloudflare/workers-types.
 * https://developers.cloudflare.com/kv/api/
 */
export interface KvLikesNamespace {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Likes in a Workers KV namespace (the `FANSHOP_LIKES` binding): `liked:<product>:<shopper>`
 * says that a shopper likes a product, `count:<product>` holds the product's count.
 *
 * The counts are approximate, and this is why: KV has no atomic increment, so a count is read,
 * changed and written back, and two likes of the same product at the same moment (in one
 * location or two) can both write "count + 1". A read may also be up to a minute old, because
 * KV caches values where they are read (https://developers.cloudflare.com/kv/concepts/how-kv-works/),
 * and KV takes at most one write per second to the same key, so a product liked many times a
 * second loses some of them from its count. What stays right is each shopper's own like (one key
 * per shopper, so liking twice still counts once), and a count never goes below zero. A shop
 * that wants exact counts on Workers implements LikesStore on a Durable Object or D1 (store.ts).
 */
export function kvLikesStore(kv: KvLikesNamespace): LikesStore {
  const likedKey = (productId: string, shopper: string) => `liked:${productId}:${shopper}`;
  const countKey = (productId: string) => `count:${productId}`;
  const count = async (productId: string) => {
    const n = Number(await kv.get(countKey(productId), 'text'));
    return Number.isInteger(n) && n > 0 ? n : 0;
  };

  return {
    async setLike(productId, shopper, liked) {
      const was = (await kv.get(likedKey(productId, shopper), 'text')) !== null;
      if (was === liked) return { count: await count(productId), liked };
      await (liked ? kv.put(likedKey(productId, shopper), '1') : kv.delete(likedKey(productId, shopper)));
      const next = Math.max(0, (await count(productId)) + (liked ? 1 : -1));
      await kv.put(countKey(productId), String(next));
      return { count: next, liked };
    },
    async counts(productIds) {
      const counts = await Promise.all(productIds.map(count));
      return Object.fromEntries(productIds.map((id, i) => [id, counts[i] ?? 0]));
    },
    async likedBy(shopper, productIds) {
      const liked = await Promise.all(productIds.map((id) => kv.get(likedKey(id, shopper), 'text')));
      return productIds.filter((_, i) => liked[i] !== null);
    },
  };
}
