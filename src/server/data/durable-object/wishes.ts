import type { Ranked } from '../../recommendations/store';
import type { Wish, WishCount, WishTarget } from '../../wishes/store';

/**
 * Wishes and recommendations in the Durable Object's SQLite (migrations.ts, step 3), with the
 * semantics of the Postgres engine (data/postgres/wishes.ts): times are milliseconds since the
 * epoch, '' is the product as a whole. Plain functions, called by FanshopData's methods, so RPC
 * reaches only those.
 */
type WishRow = { id: string; product_id: string; variant_id: string; email: string; language: string; created_at: number; notified_at: number | null };

function wish(row: WishRow): Wish {
  return {
    id: row.id,
    productId: row.product_id,
    variantId: row.variant_id === '' ? null : row.variant_id,
    email: row.email,
    language: row.language,
    createdAt: new Date(row.created_at).toISOString(),
    notifiedAt: row.notified_at === null ? null : new Date(row.notified_at).toISOString(),
  };
}

const COLUMNS = 'id, product_id, variant_id, email, language, created_at, notified_at';

export function addWish(sql: SqlStorage, w: Omit<Wish, 'notifiedAt'>): 'created' | 'exists' | 'renewed' {
  const [row] = sql
    .exec<{ id: string }>(
      `insert into fanshop_wishes (id, product_id, variant_id, email, language, created_at) values (?, ?, ?, ?, ?, ?)
       on conflict (product_id, variant_id, email) do update set notified_at = null, language = excluded.language
       where fanshop_wishes.notified_at is not null returning id`,
      w.id,
      w.productId,
      w.variantId ?? '',
      w.email,
      w.language,
      Date.parse(w.createdAt),
    )
    .toArray();
  return !row ? 'exists' : row.id === w.id ? 'created' : 'renewed';
}

export function getWish(sql: SqlStorage, id: string): Wish | undefined {
  const [row] = sql.exec<WishRow>(`select ${COLUMNS} from fanshop_wishes where id = ?`, id).toArray();
  return row ? wish(row) : undefined;
}

export function removeWish(sql: SqlStorage, id: string): boolean {
  return sql.exec('delete from fanshop_wishes where id = ? returning id', id).toArray().length === 1;
}

export function wishCounts(sql: SqlStorage): WishCount[] {
  const rows = sql.exec<{ product_id: string; variant_id: string; pending: number; notified: number }>(
    `select product_id, variant_id, sum(case when notified_at is null then 1 else 0 end) as pending, sum(case when notified_at is null then 0 else 1 end) as notified
     from fanshop_wishes group by product_id, variant_id order by product_id, variant_id`,
  );
  return Array.from(rows, (r) => ({ productId: r.product_id, variantId: r.variant_id === '' ? null : r.variant_id, pending: r.pending, notified: r.notified }));
}

export function listWishes(sql: SqlStorage, productId: string): Wish[] {
  return Array.from(sql.exec<WishRow>(`select ${COLUMNS} from fanshop_wishes where product_id = ? order by created_at, id`, productId), wish);
}

export function pendingWishTargets(sql: SqlStorage): WishTarget[] {
  const rows = sql.exec<{ product_id: string; variant_id: string }>('select distinct product_id, variant_id from fanshop_wishes where notified_at is null order by product_id, variant_id');
  return Array.from(rows, (r) => ({ productId: r.product_id, variantId: r.variant_id === '' ? null : r.variant_id }));
}

export function claimWishes(sql: SqlStorage, target: WishTarget, now: Date): Wish[] {
  const rows = sql.exec<WishRow>(`update fanshop_wishes set notified_at = ? where product_id = ? and variant_id = ? and notified_at is null returning ${COLUMNS}`, now.getTime(), target.productId, target.variantId ?? '');
  return Array.from(rows, wish).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function alsoLiked(sql: SqlStorage, productId: string, limit: number): Ranked[] {
  return sql
    .exec<{ productId: string; count: number }>(
      `select other.product_id as productId, count(*) as count
       from fanshop_likes mine join fanshop_likes other on other.shopper = mine.shopper and other.product_id <> mine.product_id
       where mine.product_id = ? group by other.product_id order by count desc, other.product_id limit ?`,
      productId,
      limit,
    )
    .toArray();
}

export function boughtTogether(sql: SqlStorage, productId: string, limit: number): Ranked[] {
  return sql
    .exec<{ productId: string; count: number }>(
      `select other.product_id as productId, count(*) as count
       from fanshop_order_products mine join fanshop_order_products other on other.order_id = mine.order_id and other.product_id <> mine.product_id
       where mine.product_id = ? group by other.product_id order by count desc, other.product_id limit ?`,
      productId,
      limit,
    )
    .toArray();
}
