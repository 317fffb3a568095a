import type { LikesStore } from '../likes/store';
import type { OrderStore } from '../orders/order';
import type { StockStore } from '../stock/store';
import type { ReviewStore } from '../reviews/store';
import type { WishStore } from '../wishes/store';
import type { RecommendationStore } from '../recommendations/store';
import type { EventStore } from '../events/store';

/**
 * Everything the shop keeps: likes, orders (and the webhook events already processed), stock,
 * reviews, wishes and the widget's events. One engine keeps all of it, so a checkout's reservation and a webhook's order live in
 * the same database:
 *
 * - `data/postgres/`: Postgres. On Node it is PGlite in-process by default (FANSHOP_DATA_DIR),
 *   or any Postgres server through DATABASE_URL; the same SQL and migrations for both.
 * - `data/durable-object/`: a SQLite-backed Durable Object on Cloudflare Workers.
 *
 * `data/conformance.ts` runs the same cases against each of them.
 */
export interface DataStores {
  readonly likes: LikesStore;
  readonly orders: OrderStore;
  readonly stock: StockStore;
  /** Reviews from verified buyers (reviews/store.ts). */
  readonly reviews: ReviewStore;
  /** "I want this": emails waiting for a product to be on sale (wishes/store.ts). */
  readonly wishes: WishStore;
  /** What fans like and buy together (recommendations/store.ts). */
  readonly recommendations: RecommendationStore;
  /** What fans do in the widget, for the studio's numbers (events/store.ts). */
  readonly events: EventStore;
  /** Waits for what is under way and closes the engine (a no-op where the runtime owns it). */
  close(): Promise<void>;
}
