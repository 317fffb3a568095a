/**
 * Where like counts are kept. A like belongs to an anonymous shopper id (a random string the
 * widget keeps in localStorage), so liking twice counts once and unliking takes exactly that
 * shopper's like away.
 *
 * The embedded stores keep their state inside one server process: file-store.ts on Node (a log
 * on disk, one process per data directory), memory-store.ts in tests and in a single Workers
 * isolate, kv-store.ts on Workers KV (approximate counts). A deployment with several instances
 * behind a load balancer implements this interface against a store they share, with the same
 * three operations:
 *
 * - Redis: one set per product, `SADD`/`SREM likes:<productId> <shopper>` for `setLike` and
 *   `SCARD` for the count (atomic per command); `counts` pipelines `SCARD`s, `likedBy` pipelines
 *   `SISMEMBER`s (or `SMISMEMBER` per product).
 * - Postgres or D1 (SQLite): a table `likes(product_id, shopper, primary key (product_id,
 *   shopper))`; `INSERT … ON CONFLICT DO NOTHING` / `DELETE` then `SELECT count(*)`;
 *   `counts` is one `GROUP BY product_id` over `product_id IN (…)`, `likedBy` one `SELECT
 *   product_id WHERE shopper = ? AND product_id IN (…)`.
 * - A Durable Object per shop on Cloudflare: this interface over its transactional storage,
 *   which is what makes Workers counts exact.
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
