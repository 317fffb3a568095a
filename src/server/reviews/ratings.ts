import type { ProductRating, ProductRatings } from '../../core/api/reviews';
import { recentRead, STALE_MS } from '../data/recent-read';
import { sha256Hex } from '../hash';
import type { ReviewStore } from './store';

/** The ratings of every rated product, and a tag that changes whenever any of them does (for ETags and caches). */
export interface RatingsSnapshot {
  readonly ratings: ProductRatings;
  /** '' when no product is rated. */
  readonly tag: string;
}

const NONE: RatingsSnapshot = { ratings: {}, tag: '' };

export interface RecentRatings {
  /** The snapshot, read from the store at most every `maxAgeMs`. */
  read(): Promise<RatingsSnapshot>;
  /** A review was written or changed here: the next read asks the store. */
  changed(): void;
}

/**
 * The cards' stars for the catalog's envelope, its first views and `GET /api/products` pages,
 * read from the store in one aggregate query (`publishedRatings`) at most every 2 s whatever
 * the traffic, ahead of that end and kept for the first visitor after a quiet spell of up to a
 * minute (data/recent-read.ts), as live stock is (stock/live-catalog.ts), and read at once
 * after a review written or moderated through this server. A review changed in another process
 * (another instance on the same database) shows within those 2 s while the shop has visitors,
 * and to the second visitor after a quiet spell: the tag is a hash of the numbers themselves,
 * so whatever changed them, the envelope's ETag and its cached first views change with it. If
 * the store cannot be read the shop is served without stars (logged), and the next request
 * asks again.
 */
export function recentRatings(store: Pick<ReviewStore, 'publishedRatings'>, options: { maxAgeMs?: number; now?: () => number } = {}): RecentRatings {
  const maxAge = options.maxAgeMs ?? 2000;
  const now = options.now ?? Date.now;
  // The previous snapshot, given back while the numbers stay the same, so its tag is not hashed again.
  let previous: { json: string; snapshot: RatingsSnapshot } | undefined;
  const snapshotOf = async (ratings: ProductRatings): Promise<RatingsSnapshot> => {
    const ids = Object.keys(ratings).sort();
    if (!ids.length) return NONE;
    const json = JSON.stringify(ids.map((id) => [id, ratings[id]!.average, ratings[id]!.count]));
    if (previous?.json === json) return previous.snapshot;
    const snapshot = { ratings, tag: await sha256Hex(json, 8) };
    previous = { json, snapshot };
    return snapshot;
  };
  const recent = recentRead(
    () =>
      store.publishedRatings().then(snapshotOf, (error: unknown) => {
        console.error('[fanshop] cannot read the reviews’ ratings; the shop is shown without stars:', error);
        throw error;
      }),
    // As live stock: no visitor waits on the read after a pause of up to a minute (data/recent-read.ts).
    { maxAgeMs: maxAge, staleMs: maxAge && STALE_MS, now },
  );
  return {
    // A failed read is not kept (the next request asks again); this one is served without stars.
    read: () => recent.get().catch(() => NONE),
    changed: () => recent.forget(),
  };
}

/** The ratings of these products that have any (an envelope's, a page's). */
export function ratingsOf(ratings: ProductRatings, products: readonly { readonly id: string }[]): ProductRatings {
  const picked: Record<string, ProductRating> = {};
  for (const { id } of products) {
    const rating = ratings[id];
    if (rating) picked[id] = rating;
  }
  return picked;
}
