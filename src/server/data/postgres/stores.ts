import type { LikesStore } from '../../likes/store';
import { orderProducts, type Order, type OrderStore } from '../../orders/order';
import type { SellResult, StockCount, StockStore } from '../../stock/store';
import type { DataStores } from '../stores';
import type { Sql, SqlClient } from './sql';
import { reviewStore } from './reviews';
import { recommendationStore, wishStore } from './wishes';
import { eventStore } from './events';

/** The stores of data/stores.ts over Postgres (PGlite or a server), schema in migrations.ts. */
export function postgresStores(sql: Sql): DataStores {
  return {
    likes: likesStore(sql),
    orders: orderStore(sql),
    stock: stockStore(sql),
    reviews: reviewStore(sql),
    wishes: wishStore(sql),
    recommendations: recommendationStore(sql),
    events: eventStore(sql),
    close: () => sql.close(),
  };
}

function likesStore(sql: Sql): LikesStore {
  return {
    // The change commits on its own, then the count is read: the last change to commit is
    // counted by a read that sees every change before it, so concurrent likes end exact.
    async setLike(productId, shopper, liked) {
      if (liked) await sql.query('insert into fanshop_likes (product_id, shopper) values ($1, $2) on conflict do nothing', [productId, shopper]);
      else await sql.query('delete from fanshop_likes where product_id = $1 and shopper = $2', [productId, shopper]);
      const [row] = await sql.query<{ count: number }>('select count(*)::int as count from fanshop_likes where product_id = $1', [productId]);
      return { count: row?.count ?? 0, liked };
    },
    async counts(productIds) {
      const counts: Record<string, number> = Object.fromEntries(productIds.map((id) => [id, 0]));
      if (!productIds.length) return counts;
      const rows = await sql.query<{ product_id: string; count: number }>(
        'select product_id, count(*)::int as count from fanshop_likes where product_id = any($1::text[]) group by product_id',
        [productIds],
      );
      for (const row of rows) counts[row.product_id] = row.count;
      return counts;
    },
    async likedBy(shopper, productIds) {
      if (!productIds.length) return [];
      const rows = await sql.query<{ product_id: string }>('select product_id from fanshop_likes where shopper = $1 and product_id = any($2::text[])', [shopper, productIds]);
      const liked = new Set(rows.map((r) => r.product_id));
      return productIds.filter((id) => liked.has(id));
    },
  };
}

function orderStore(sql: Sql): OrderStore {
  return {
    async saveOrder(order) {
      // The order and its products (for "Often bought together") in one statement.
      const rows = await sql.query(
        `with saved as (insert into fanshop_orders (id, created_at, oversold, body) values ($1, $2, $3, $4) on conflict (id) do nothing returning id),
           products as (insert into fanshop_order_products (order_id, product_id) select saved.id, p from saved, unnest($5::text[]) as p on conflict do nothing)
         select id from saved`,
        [order.id, order.createdAt, order.oversold, JSON.stringify(order), orderProducts(order)],
      );
      return rows.length ? 'created' : 'exists';
    },
    async getOrder(id) {
      const [row] = await sql.query<{ body: Order | string }>('select body from fanshop_orders where id = $1', [id]);
      return row ? orderBody(row.body) : undefined;
    },
    async listOrders() {
      const rows = await sql.query<{ body: Order | string }>('select body from fanshop_orders order by created_at, id');
      return rows.map((row) => orderBody(row.body));
    },
    async markEventProcessed(eventId) {
      return (await sql.query('insert into fanshop_webhook_events (id) values ($1) on conflict do nothing returning id', [eventId])).length === 1;
    },
    async hasProcessedEvent(eventId) {
      return (await sql.query('select 1 from fanshop_webhook_events where id = $1', [eventId])).length === 1;
    },
  };
}

/** jsonb comes back parsed from both drivers; a string (a driver set to leave it) is parsed here. */
function orderBody(body: Order | string): Order {
  return typeof body === 'string' ? (JSON.parse(body) as Order) : body;
}

interface StockRow {
  item: string;
  baseline: number;
  sold: number;
  /** Units of lines flagged held, which may include lines past their end (not yet unflagged). */
  held: number;
}

/**
 * Stock over Postgres. Each item's row keeps its baseline, what was sold and what is held
 * (migrations.ts). A reservation, a release or a sale locks its items first
 * (`fanshop_lock_items`: one lock per item, taken in one order by everyone, so two carts naming
 * the same items in another order cannot deadlock): whoever comes second waits and reads the
 * first one's counts. Under Postgres' default isolation each statement sees what committed
 * before it began, which is after the locks were taken.
 */
function stockStore(sql: Sql): StockStore {
  /** Records changed catalog stock (a new baseline, nothing sold since) and locks the items' rows. */
  async function lockItems(tx: SqlClient, counts: readonly StockCount[]): Promise<Map<string, StockRow>> {
    const sorted = [...counts].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
    await tx.query('select fanshop_lock_items($1::text[])', [sorted.map((c) => c.item)]);
    await tx.query(
      `insert into fanshop_stock (item, baseline)
       select item, baseline from unnest($1::text[], $2::int[]) as given (item, baseline) order by item
       on conflict (item) do update set baseline = excluded.baseline, sold = 0, set_at = now()
       where fanshop_stock.baseline <> excluded.baseline`,
      [sorted.map((c) => c.item), sorted.map((c) => c.stock)],
    );
    const rows = await tx.query<StockRow>('select item, baseline, sold, held from fanshop_stock where item = any($1::text[])', [sorted.map((c) => c.item)]);
    return new Map(rows.map((r) => [r.item, r]));
  }

  /** Units still flagged held whose reservation has run out, by item: not held any more. */
  async function ranOut(db: SqlClient, items: readonly string[], now: Date): Promise<Map<string, number>> {
    const rows = await db.query<{ item: string; quantity: number }>(
      'select item, sum(quantity)::int as quantity from fanshop_reservation_lines where item = any($1::text[]) and held and expires_at <= $2 group by item',
      [items, now],
    );
    return new Map(rows.map((r) => [r.item, r.quantity]));
  }

  /** Locks a reservation's items and gives its flagged-held lines back to them. */
  async function unhold(tx: SqlClient, reservationId: string): Promise<void> {
    await tx.query('select fanshop_lock_items(array(select item from fanshop_reservation_lines where reservation_id = $1))', [reservationId]);
    await tx.query(
      `with freed as (update fanshop_reservation_lines set held = false where reservation_id = $1 and held returning item, quantity)
       update fanshop_stock s set held = s.held - freed.quantity from freed where s.item = freed.item`,
      [reservationId],
    );
  }

  return {
    async available(items, now) {
      if (!items.length) return {};
      const names = items.map((c) => c.item);
      let rows = await sql.query<StockRow>('select item, baseline, sold, held from fanshop_stock where item = any($1::text[])', [names]);
      const known = new Map(rows.map((r) => [r.item, r]));
      // Only when the catalog's number changed (or is new) is anything written.
      const changed = items.filter((c) => known.get(c.item)?.baseline !== c.stock);
      if (changed.length) {
        rows = [...(await sql.transaction((tx) => lockItems(tx, changed))).values()];
        for (const row of rows) known.set(row.item, row);
      }
      // Read only: lines that ran out are left flagged for the next writer, and not counted here.
      const over = await ranOut(sql, names, now);
      return Object.fromEntries(
        items.map((c) => {
          const row = known.get(c.item);
          return [c.item, row ? Math.max(0, row.baseline - row.sold - (row.held - (over.get(c.item) ?? 0))) : c.stock];
        }),
      );
    },

    async taken(now) {
      // Lines still flagged held but run out count as held in `fanshop_stock.held` until the
      // next writer unflags them: taken off here, as `available` does.
      const [rows, over] = await Promise.all([
        sql.query<StockRow>('select item, baseline, sold, held from fanshop_stock where sold > 0 or held > 0'),
        sql.query<{ item: string; quantity: number }>('select item, sum(quantity)::int as quantity from fanshop_reservation_lines where held and expires_at <= $1 group by item', [now]),
      ]);
      const ranOutOf = new Map(over.map((r) => [r.item, r.quantity]));
      const sold = new Map<string, { baseline: number; sold: number }>();
      const held = new Map<string, number>();
      for (const row of rows) {
        if (row.sold > 0) sold.set(row.item, { baseline: row.baseline, sold: row.sold });
        const units = row.held - (ranOutOf.get(row.item) ?? 0);
        if (units > 0) held.set(row.item, units);
      }
      return { sold, held };
    },

    // One call of the function in migrations.ts: lock the items' rows in item order (recording a
    // changed catalog number first), stop counting lines that ran out, give back the key's
    // reservation if it is still held, else hold every line or none.
    async reserve(key, lines, expiresAt, now) {
      const [row] = await sql.query<{ ok: boolean; reservation_id: string | null; reservation_expires: Date | null; replay: boolean; line_index: number | null; available: number | null }>(
        'select * from fanshop_reserve($1, $2::text[], $3::int[], $4::int[], $5, $6)',
        [key, lines.map((l) => l.item), lines.map((l) => l.stock), lines.map((l) => l.quantity), expiresAt, now],
      );
      if (!row) throw new Error('[fanshop] fanshop_reserve answered nothing');
      if (!row.ok) return { ok: false, lineIndex: row.line_index ?? 0, available: row.available ?? 0 };
      return { ok: true, reservation: { id: row.reservation_id!, expiresAt: row.reservation_expires!, replay: row.replay } };
    },

    async release(reservationId) {
      const released = await sql.transaction(async (tx) => {
        const rows = await tx.query("update fanshop_reservations set state = 'released' where id = $1 and state = 'held' returning id", [reservationId]);
        if (rows.length) await unhold(tx, reservationId);
        return rows.length;
      });
      if (released) return 'released';
      return (await sql.query('select 1 from fanshop_reservations where id = $1', [reservationId])).length ? 'not_held' : 'unknown';
    },

    sell(reservationId, now) {
      return sql.transaction(async (tx): Promise<SellResult> => {
        const [reservation] = await tx.query<{ state: string; expires_at: Date; oversold: boolean }>('select state, expires_at, oversold from fanshop_reservations where id = $1 for update', [reservationId]);
        if (!reservation) return { outcome: 'unknown', oversold: false };
        if (reservation.state === 'sold') return { outcome: 'sold_before', oversold: reservation.oversold };
        const lines = await tx.query<{ item: string; quantity: number }>('select item, quantity from fanshop_reservation_lines where reservation_id = $1 order by item', [reservationId]);
        const items = lines.map((l) => l.item);
        await tx.query('select fanshop_lock_items($1::text[])', [items]);
        await tx.query('select fanshop_unhold_expired($1::text[], $2)', [items, now]);
        // Its own units stop counting as held (they are about to be sold), so what is left is
        // what others have not sold or hold.
        await unhold(tx, reservationId);
        const rows = new Map((await tx.query<StockRow>('select item, baseline, sold, held from fanshop_stock where item = any($1::text[])', [items])).map((r) => [r.item, r]));
        // Still held: its units were kept for it. Released or expired: they were there for it
        // only if nobody else has sold or holds them since.
        const oversold =
          !(reservation.state === 'held' && reservation.expires_at > now) &&
          lines.some((l) => {
            const row = rows.get(l.item);
            return !row || row.baseline - row.sold - row.held < l.quantity;
          });
        await tx.query('update fanshop_stock s set sold = s.sold + l.quantity from fanshop_reservation_lines l where l.reservation_id = $1 and l.item = s.item', [reservationId]);
        await tx.query("update fanshop_reservations set state = 'sold', oversold = $2 where id = $1", [reservationId, oversold]);
        return { outcome: 'sold', oversold };
      });
    },
  };
}

