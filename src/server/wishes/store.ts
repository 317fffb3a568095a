/**
 * "I want this": a shopper's email left for a product (or one variant of it) that is sold out
 * or coming soon, to be told once it can be bought. Personal data: it never leaves the server
 * but through the merchant's `onRestock` hook and CLI (wishes/restock.ts, cli/wishes.ts).
 */
export interface Wish {
  /** A random id; the unsubscribe link signs it (wishes/token.ts). */
  readonly id: string;
  readonly productId: string;
  /** The variant wished for, or null for the product as a whole. */
  readonly variantId: string | null;
  /** Checked and normalised (wishes/request.ts): the domain in lower case. */
  readonly email: string;
  /** BCP 47: the language to write to the shopper in. */
  readonly language: string;
  /** ISO 8601, milliseconds. */
  readonly createdAt: string;
  /** When the `onRestock` hook was given it; null while it waits. */
  readonly notifiedAt: string | null;
}

/** What is wished for: a product, or one variant of it. */
export interface WishTarget {
  readonly productId: string;
  readonly variantId: string | null;
}

/** How many wishes wait for a product (or variant), and how many were passed to the hook. */
export interface WishCount extends WishTarget {
  readonly pending: number;
  readonly notified: number;
}

/**
 * Where wishes are kept: one of the engines of data/stores.ts. One wish per product, variant
 * and email; lists come in one order on every engine (ids by their characters' code points).
 */
export interface WishStore {
  /**
   * Keeps a new wish; the same email for the same product and variant again is `exists` while
   * it waits, and `renewed` (waiting again, in the new language) once it had been notified.
   */
  addWish(wish: Omit<Wish, 'notifiedAt'>): Promise<'created' | 'exists' | 'renewed'>;
  getWish(id: string): Promise<Wish | undefined>;
  /** Forgets a wish (its unsubscribe link); false when there was none with this id. */
  removeWish(id: string): Promise<boolean>;
  /** Per product and variant (null first), by product id. */
  wishCounts(): Promise<WishCount[]>;
  /** A product's wishes, of every variant, oldest first. */
  listWishes(productId: string): Promise<Wish[]>;
  /** Every product and variant with a wish waiting, by product id then variant (null first). */
  pendingWishTargets(): Promise<WishTarget[]>;
  /**
   * Marks the waiting wishes of one product or variant notified at `now` and gives them, oldest
   * first: each wish is given by one call only, however many run at once.
   */
  claimWishes(target: WishTarget, now: Date): Promise<Wish[]>;
}
