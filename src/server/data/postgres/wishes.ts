import type { Wish, WishStore } from '../../wishes/store';
import type { RecommendationStore } from '../../recommendations/store';
import type { Sql } from './sql';

interface WishRow {
  id: string;
  product_id: string;
  variant_id: string;
  email: string;
  language: string;
  created_at: Date | string;
  notified_at: Date | string | null;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** '' is the product as a whole in the table (migrations.ts, step 3): null outside it. */
function wish(row: WishRow): Wish {
  return {
    id: row.id,
    productId: row.product_id,
    variantId: row.variant_id === '' ? null : row.variant_id,
    email: row.email,
    language: row.language,
    createdAt: iso(row.created_at),
    notifiedAt: row.notified_at === null ? null : iso(row.notified_at),
  };
}

// Ids in code point order, as SQLite (the Durable Object) compares them, whatever the
// database's collation.
const BY_TARGET = 'product_id collate "C", variant_id collate "C"';

/** Wishes over Postgres (PGlite or a server), table `fanshop_wishes` (migrations.ts, step 3). */
export function wishStore(sql: Sql): WishStore {
  return {
    async addWish(w) {
      // A waiting wish stays as it is; a notified one waits again. The id tells a new row from an old one.
      const rows = await sql.query<{ id: string }>(
        `insert into fanshop_wishes (id, product_id, variant_id, email, language, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (product_id, variant_id, email) do update set notified_at = null, language = excluded.language
         where fanshop_wishes.notified_at is not null returning id`,
        [w.id, w.productId, w.variantId ?? '', w.email, w.language, w.createdAt],
      );
      const [row] = rows;
      return !row ? 'exists' : row.id === w.id ? 'created' : 'renewed';
    },
    async getWish(id) {
      const [row] = await sql.query<WishRow>('select * from fanshop_wishes where id = $1', [id]);
      return row ? wish(row) : undefined;
    },
    async removeWish(id) {
      return (await sql.query('delete from fanshop_wishes where id = $1 returning id', [id])).length === 1;
    },
    async wishCounts() {
      const rows = await sql.query<{ product_id: string; variant_id: string; pending: number; notified: number }>(
        `select product_id, variant_id, sum(case when notified_at is null then 1 else 0 end)::int as pending, sum(case when notified_at is null then 0 else 1 end)::int as notified
         from fanshop_wishes group by product_id, variant_id order by ${BY_TARGET}`,
      );
      return rows.map((r) => ({ productId: r.product_id, variantId: r.variant_id === '' ? null : r.variant_id, pending: r.pending, notified: r.notified }));
    },
    async listWishes(productId) {
      return (await sql.query<WishRow>('select * from fanshop_wishes where product_id = $1 order by created_at, id collate "C"', [productId])).map(wish);
    },
    async pendingWishTargets() {
      const rows = await sql.query<{ product_id: string; variant_id: string }>(`select product_id, variant_id from fanshop_wishes where notified_at is null group by product_id, variant_id order by ${BY_TARGET}`);
      return rows.map((r) => ({ productId: r.product_id, variantId: r.variant_id === '' ? null : r.variant_id }));
    },
    async claimWishes(target, now) {
      // One statement: a row another claim has marked meanwhile no longer matches (Postgres
      // checks the condition again on the row it waited for).
      const rows = await sql.query<WishRow>('update fanshop_wishes set notified_at = $3 where product_id = $1 and variant_id = $2 and notified_at is null returning *', [
        target.productId,
        target.variantId ?? '',
        now,
      ]);
      return rows.map(wish).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

/** Recommendations over Postgres: likes shared with other products, and paid orders' products. */
export function recommendationStore(sql: Sql): RecommendationStore {
  return {
    async alsoLiked(productId, limit) {
      return sql.query(
        `select other.product_id as "productId", count(*)::int as count
         from fanshop_likes mine join fanshop_likes other on other.shopper = mine.shopper and other.product_id <> mine.product_id
         where mine.product_id = $1 group by other.product_id order by count desc, other.product_id collate "C" limit $2`,
        [productId, limit],
      );
    },
    async boughtTogether(productId, limit) {
      return sql.query(
        `select other.product_id as "productId", count(*)::int as count
         from fanshop_order_products mine join fanshop_order_products other on other.order_id = mine.order_id and other.product_id <> mine.product_id
         where mine.product_id = $1 group by other.product_id order by count desc, other.product_id collate "C" limit $2`,
        [productId, limit],
      );
    },
  };
}
