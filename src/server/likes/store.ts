/**
 * Where like counts are kept. A like belongs to an anonymous shopper id (a random string the
 * widget keeps in localStorage), so liking twice counts once and unliking takes exactly that
 * shopper's like away.
 *
 * The engines of data/stores.ts keep them exact, in a table keyed on product and shopper:
 * Postgres on Node (data/postgres) and the shop's Durable Object on Workers
 * (data/durable-object). Another shared store implements the same three operations, e.g.
 * Redis with one set per product (`SADD`/`SREM` and `SCARD`).
 *
 * Pass it to createApp as `likes.store`.
 */
export interface LikesStore {
  /**
   * Sets one shopper's like of one product; setting what is already set changes nothing.
   * Resolves once the change is stored, with the product's count after it.
   */
  setLike(productId: string, shopper: string, liked: boolean): Promise<LikeState>;
  /** Like counts of these products; a product nobody likes counts 0. */
  counts(productIds: readonly string[]): Promise<Record<string, number>>;
  /** Which of these products the shopper likes, in the order asked. */
  likedBy(shopper: string, productIds: readonly string[]): Promise<string[]>;
}

export interface LikeState {
  readonly count: number;
  readonly liked: boolean;
}
