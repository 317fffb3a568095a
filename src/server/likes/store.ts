/**
 * Where like counts are kept. A like belongs to an anonymous shopper id (a random string the
 * widget keeps in localStorage), so liking twice counts once and unliking takes exactly that
 * shopper's like away: one row per shopper and product, in each engine of data/stores.ts.
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
