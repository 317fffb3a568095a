import type { LikesStore } from './store';

/**
 * Likes in memory: for tests, and on Workers without a KV namespace for likes, where the counts
 * belong to one isolate and are gone when it is (fine for `wrangler dev`, not for a shop).
 */
export function memoryLikesStore(): LikesStore {
  const likes = new Map<string, Set<string>>();
  return {
    async setLike(productId, shopper, liked) {
      let shoppers = likes.get(productId);
      if (liked) {
        if (!shoppers) likes.set(productId, (shoppers = new Set()));
        shoppers.add(shopper);
      } else {
        shoppers?.delete(shopper);
      }
      return { count: shoppers?.size ?? 0, liked };
    },
    async counts(productIds) {
      return Object.fromEntries(productIds.map((id) => [id, likes.get(id)?.size ?? 0]));
    },
    async likedBy(shopper, productIds) {
      return productIds.filter((id) => likes.get(id)?.has(shopper));
    },
  };
}
