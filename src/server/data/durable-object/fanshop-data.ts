import { DurableObject } from 'cloudflare:workers';
import type { LikeState } from '../../likes/store';
import type { Order } from '../../orders/order';
import type { ReserveResult, SellResult, StockCount, StockLine, StockTaken } from '../../stock/store';
import { MIGRATIONS } from './migrations';
import type { ProductRatings, ReviewAggregate } from '../../../core/api/reviews';
import type { Review, ReviewChanges, ReviewListQuery, ReviewStatus, ReviewUpdate } from '../../reviews/store';
import * as reviews from './reviews';
import * as wishes from './wishes';
import * as events from './events';
import type { EventCount, StoredEvent, ZeroResultSearch } from '../../events/store';
import type { Wish, WishCount, WishTarget } from '../../wishes/store';
import type { Ranked } from '../../recommendations/store';
import { orderProducts } from '../../orders/order';
import type { ShopData } from './stores';

/** ShopData's methods as the object runs them: answered at once (RPC hands the caller a promise). */
type Served<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };

/**
 * The shop's data on Cloudflare Workers: a SQLite-backed Durable Object (wrangler.jsonc), one per
 * shop, called over RPC through stores.ts, with the semantics of the Postgres engine
 * (data/postgres/stores.ts). Every method is synchronous: SQL on the object's own database runs
 * in its thread, so no call starts before the one before it has ended, and a reservation counts
 * what every earlier one holds without any lock. transactionSync commits the statements of one
 * call together or not at all.
 *
 * Only methods are served: helpers are functions outside the class, so RPC cannot reach them.
 */
export class FanshopData extends DurableObject<unknown> implements Served<ShopData> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // No call is let in before the schema is there; a failure resets the object and fails them.
    void ctx.blockConcurrencyWhile(async () => {
      const applied = migrate(ctx.storage);
      if (applied.length) console.log(`[fanshop] Durable Object FanshopData: schema ${applied.join(', ')} applied`);
    });
  }

  setLike(productId: string, shopper: string, liked: boolean): LikeState {
    return this.ctx.storage.transactionSync(() => {
      if (liked) this.sql.exec('insert into fanshop_likes (product_id, shopper) values (?, ?) on conflict do nothing', productId, shopper);
      else this.sql.exec('delete from fanshop_likes where product_id = ? and shopper = ?', productId, shopper);
      const [row] = this.sql.exec<{ count: number }>('select count(*) as count from fanshop_likes where product_id = ?', productId).toArray();
      return { count: row?.count ?? 0, liked };
    });
  }

  counts(productIds: readonly string[]): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(productIds.map((id) => [id, 0]));
    const rows = this.sql.exec<{ product_id: string; count: number }>(
      'select product_id, count(*) as count from fanshop_likes where product_id in (select value from json_each(?)) group by product_id',
      JSON.stringify(productIds),
    );
    for (const row of rows) counts[row.product_id] = row.count;
    return counts;
  }

  likedBy(shopper: string, productIds: readonly string[]): string[] {
    const rows = this.sql.exec<{ product_id: string }>('select product_id from fanshop_likes where shopper = ? and product_id in (select value from json_each(?))', shopper, JSON.stringify(productIds));
    const liked = new Set(Array.from(rows, (r) => r.product_id));
    return productIds.filter((id) => liked.has(id));
  }

  saveOrder(order: Order): 'created' | 'exists' {
    return this.ctx.storage.transactionSync(() => {
      const rows = this.sql
        .exec('insert into fanshop_orders (id, created_at, oversold, body) values (?, ?, ?, ?) on conflict (id) do nothing returning id', order.id, Date.parse(order.createdAt), order.oversold ? 1 : 0, JSON.stringify(order))
        .toArray();
      if (!rows.length) return 'exists';
      // Its products, for "Often bought together".
      for (const productId of orderProducts(order)) this.sql.exec('insert into fanshop_order_products (order_id, product_id) values (?, ?) on conflict do nothing', order.id, productId);
      return 'created';
    });
  }

  getOrder(id: string): Order | undefined {
    const [row] = this.sql.exec<{ body: string }>('select body from fanshop_orders where id = ?', id).toArray();
    return row ? (JSON.parse(row.body) as Order) : undefined;
  }

  listOrders(): Order[] {
    return Array.from(this.sql.exec<{ body: string }>('select body from fanshop_orders order by created_at, id'), (row) => JSON.parse(row.body) as Order);
  }

  markEventProcessed(eventId: string): boolean {
    return this.sql.exec('insert into fanshop_webhook_events (id) values (?) on conflict do nothing returning id', eventId).toArray().length === 1;
  }

  hasProcessedEvent(eventId: string): boolean {
    return this.sql.exec('select 1 from fanshop_webhook_events where id = ?', eventId).toArray().length === 1;
  }

  createReview(review: Review): 'created' | 'exists' {
    return reviews.createReview(this.sql, review);
  }

  getReview(orderId: string, productId: string): Review | undefined {
    return reviews.getReview(this.sql, orderId, productId);
  }

  updateReview(orderId: string, productId: string, changes: ReviewChanges, options: { now: Date; editableSince: Date; hold: boolean }): ReviewUpdate {
    return this.ctx.storage.transactionSync(() => reviews.updateReview(this.sql, orderId, productId, changes, options));
  }

  setReviewStatus(id: string, status: ReviewStatus): Review | undefined {
    return reviews.setReviewStatus(this.sql, id, status);
  }

  listReviews(productId: string, query: ReviewListQuery): { total: number; reviews: Review[] } {
    return reviews.listReviews(this.sql, productId, query);
  }

  reviewAggregates(productIds: readonly string[]): Record<string, ReviewAggregate> {
    return reviews.reviewAggregates(this.sql, productIds);
  }

  publishedRatings(): ProductRatings {
    return reviews.publishedRatings(this.sql);
  }

  allReviews(statuses?: readonly ReviewStatus[]): Review[] {
    return reviews.allReviews(this.sql, statuses);
  }

  addWish(wish: Omit<Wish, 'notifiedAt'>): 'created' | 'exists' | 'renewed' {
    return wishes.addWish(this.sql, wish);
  }

  getWish(id: string): Wish | undefined {
    return wishes.getWish(this.sql, id);
  }

  removeWish(id: string): boolean {
    return wishes.removeWish(this.sql, id);
  }

  wishCounts(): WishCount[] {
    return wishes.wishCounts(this.sql);
  }

  listWishes(productId: string): Wish[] {
    return wishes.listWishes(this.sql, productId);
  }

  pendingWishTargets(): WishTarget[] {
    return wishes.pendingWishTargets(this.sql);
  }

  claimWishes(target: WishTarget, now: Date): Wish[] {
    return wishes.claimWishes(this.sql, target, now);
  }

  alsoLiked(productId: string, limit: number): Ranked[] {
    return wishes.alsoLiked(this.sql, productId, limit);
  }

  boughtTogether(productId: string, limit: number): Ranked[] {
    return wishes.boughtTogether(this.sql, productId, limit);
  }

  recordEvents(batch: readonly StoredEvent[]): void {
    events.recordEvents(this.ctx.storage, batch);
  }

  eventCounts(from: Date, to: Date): EventCount[] {
    return events.eventCounts(this.sql, from, to);
  }

  zeroResultSearches(from: Date, to: Date, limit: number): ZeroResultSearch[] {
    return events.zeroResultSearches(this.sql, from, to, limit);
  }

  available(items: readonly StockCount[], now: Date): Record<string, number> {
    return this.ctx.storage.transactionSync(() => {
      const rows = stockRows(this.sql, items);
      const held = heldUnits(this.sql, items, now);
      return Object.fromEntries(items.map((c) => [c.item, Math.max(0, free(rows.get(c.item), held.get(c.item) ?? 0))]));
    });
  }

  taken(now: Date): StockTaken {
    const sold = new Map(Array.from(this.sql.exec<StockRow>('select item, baseline, sold from fanshop_stock where sold > 0'), (r) => [r.item, { baseline: r.baseline, sold: r.sold }]));
    const held = new Map(
      Array.from(
        this.sql.exec<{ item: string; held: number }>(
          `select l.item as item, sum(l.quantity) as held
           from fanshop_reservation_lines l join fanshop_reservations r on r.id = l.reservation_id
           where r.state = 'held' and r.expires_at > ?
           group by l.item`,
          now.getTime(),
        ),
        (r) => [r.item, r.held],
      ),
    );
    return { sold, held };
  }

  reserve(key: string, lines: readonly StockLine[], expiresAt: Date, now: Date): ReserveResult {
    return this.ctx.storage.transactionSync((): ReserveResult => {
      const rows = stockRows(this.sql, lines);
      const [last] = this.sql
        .exec<{ id: string; generation: number; state: string; expires_at: number }>('select id, generation, state, expires_at from fanshop_reservations where key = ? order by generation desc limit 1', key)
        .toArray();
      if (last && last.state === 'held' && last.expires_at > now.getTime()) return { ok: true, reservation: { id: last.id, expiresAt: new Date(last.expires_at), replay: true } };
      const held = heldUnits(this.sql, lines, now);
      for (const [lineIndex, line] of lines.entries()) {
        const available = Math.max(0, free(rows.get(line.item), held.get(line.item) ?? 0));
        if (line.quantity > available) return { ok: false, lineIndex, available };
      }
      const generation = (last?.generation ?? 0) + 1;
      const id = `${key}.${generation}`;
      this.sql.exec("insert into fanshop_reservations (id, key, generation, state, expires_at) values (?, ?, ?, 'held', ?)", id, key, generation, expiresAt.getTime());
      for (const line of lines) this.sql.exec('insert into fanshop_reservation_lines (reservation_id, item, quantity) values (?, ?, ?)', id, line.item, line.quantity);
      return { ok: true, reservation: { id, expiresAt, replay: false } };
    });
  }

  release(reservationId: string): 'released' | 'not_held' | 'unknown' {
    if (this.sql.exec("update fanshop_reservations set state = 'released' where id = ? and state = 'held' returning id", reservationId).toArray().length) return 'released';
    return this.sql.exec('select 1 from fanshop_reservations where id = ?', reservationId).toArray().length ? 'not_held' : 'unknown';
  }

  sell(reservationId: string, now: Date): SellResult {
    return this.ctx.storage.transactionSync((): SellResult => {
      const [reservation] = this.sql.exec<{ state: string; expires_at: number; oversold: number }>('select state, expires_at, oversold from fanshop_reservations where id = ?', reservationId).toArray();
      if (!reservation) return { outcome: 'unknown', oversold: false };
      if (reservation.state === 'sold') return { outcome: 'sold_before', oversold: reservation.oversold === 1 };
      const lines = this.sql.exec<{ item: string; quantity: number }>('select item, quantity from fanshop_reservation_lines where reservation_id = ?', reservationId).toArray();
      const rows = new Map(
        Array.from(this.sql.exec<StockRow>('select item, baseline, sold from fanshop_stock where item in (select item from fanshop_reservation_lines where reservation_id = ?)', reservationId), (r) => [r.item, r]),
      );
      let oversold = false;
      // Still held: its units were kept for it. Released or expired: they were there for it
      // only if nobody else has sold or holds them since.
      if (!(reservation.state === 'held' && reservation.expires_at > now.getTime())) {
        const held = heldUnits(this.sql, lines, now, reservationId);
        oversold = lines.some((l) => free(rows.get(l.item), held.get(l.item) ?? 0) < l.quantity);
      }
      for (const line of lines) this.sql.exec('update fanshop_stock set sold = sold + ? where item = ?', line.quantity, line.item);
      this.sql.exec("update fanshop_reservations set state = 'sold', oversold = ? where id = ?", oversold ? 1 : 0, reservationId);
      return { outcome: 'sold', oversold };
    });
  }
}

type StockRow = { item: string; baseline: number; sold: number };

/**
 * The stock rows of these items, recording the catalog's stock of each on the way: a new item, or
 * a changed number, starts a new count (a new baseline, nothing sold since).
 */
function stockRows(sql: SqlStorage, counts: readonly StockCount[]): Map<string, StockRow> {
  const rows = new Map(Array.from(sql.exec<StockRow>('select item, baseline, sold from fanshop_stock where item in (select value from json_each(?))', itemsJson(counts)), (r) => [r.item, r]));
  for (const { item, stock } of counts) {
    if (rows.get(item)?.baseline === stock) continue;
    sql.exec(
      "insert into fanshop_stock (item, baseline) values (?, ?) on conflict (item) do update set baseline = excluded.baseline, sold = 0, set_at = strftime('%Y-%m-%dT%H:%M:%fZ')",
      item,
      stock,
    );
    rows.set(item, { item, baseline: stock, sold: 0 });
  }
  return rows;
}

/** Units of these items held by unexpired reservations, other than `except`. */
function heldUnits(sql: SqlStorage, items: readonly { readonly item: string }[], now: Date, except = ''): Map<string, number> {
  const rows = sql.exec<{ item: string; held: number }>(
    `select l.item as item, sum(l.quantity) as held
     from fanshop_reservation_lines l join fanshop_reservations r on r.id = l.reservation_id
     where l.item in (select value from json_each(?)) and r.state = 'held' and r.expires_at > ? and r.id <> ?
     group by l.item`,
    itemsJson(items),
    now.getTime(),
    except,
  );
  return new Map(Array.from(rows, (r) => [r.item, r.held]));
}

/** A list of items as one JSON parameter, which json_each turns back into rows. */
const itemsJson = (items: readonly { readonly item: string }[]) => JSON.stringify(items.map((i) => i.item));

const free = (row: StockRow | undefined, held: number) => (row ? row.baseline - row.sold - held : 0);

/**
 * Applies the steps of migrations.ts the database lacks, in one transaction; returns the versions
 * applied now. A database newer than this code is refused rather than used.
 */
function migrate(storage: DurableObjectStorage): number[] {
  return storage.transactionSync(() => {
    const { sql } = storage;
    sql.exec(`create table if not exists fanshop_migrations (
      version integer primary key,
      name text not null,
      applied_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ')))`);
    const done = new Set(Array.from(sql.exec<{ version: number }>('select version from fanshop_migrations'), (r) => r.version));
    const newest = Math.max(0, ...done);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > latest) throw new Error(`[fanshop] the Durable Object's data has schema version ${newest}, newer than this Fanshop knows (${latest}); deploy the newer version`);
    const applied: number[] = [];
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue;
      for (const statement of step.statements) sql.exec(statement);
      sql.exec('insert into fanshop_migrations (version, name) values (?, ?)', step.version, step.name);
      applied.push(step.version);
    }
    return applied;
  });
}
