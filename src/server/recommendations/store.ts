/** A product recommended, with the number of shoppers (or paid orders) behind it. */
export interface Ranked {
  readonly productId: string;
  readonly count: number;
}

/**
 * What the shop's data says goes together, computed by each engine of data/stores.ts in SQL,
 * the same on every one: most shared first, then by product id (code points). Neither list
 * has the product itself; what the catalog does not sell or shows as sold out is the route's
 * to leave out (recommendations/recommend.ts), so callers ask for more than they show.
 */
export interface RecommendationStore {
  /** Products liked by shoppers who like `productId`, by how many of them do. */
  alsoLiked(productId: string, limit: number): Promise<Ranked[]>;
  /** Products bought in the same paid orders as `productId`, by in how many. */
  boughtTogether(productId: string, limit: number): Promise<Ranked[]>;
}
