import { aggregateOf, NO_REVIEWS, ratingOf, REVIEW_ORDER, reviewFromRow, type ReviewRow, type ReviewStore } from '../../reviews/store';
import type { Sql } from './sql';



/** Reviews over Postgres (PGlite or a server), table `fanshop_reviews` (migrations.ts, step 2). */
export function reviewStore(sql: Sql): ReviewStore {
  const store: ReviewStore = {
    async createReview(r) {
      const rows = await sql.query(
        `insert into fanshop_reviews (id, product_id, variant_id, order_id, rating, text, name, language, status, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (order_id, product_id) do nothing returning id`,
        [r.id, r.productId, r.variantId, r.orderId, r.rating, r.text, r.name, r.language, r.status, r.createdAt, r.updatedAt],
      );
      return rows.length ? 'created' : 'exists';
    },
    async getReview(orderId, productId) {
      const [row] = await sql.query<ReviewRow>('select * from fanshop_reviews where order_id = $1 and product_id = $2', [orderId, productId]);
      return row ? reviewFromRow(row) : undefined;
    },
    async updateReview(orderId, productId, changes, { now, editableSince, hold }) {
      // One statement: the age check and the change cannot be told apart by a concurrent edit.
      const [row] = await sql.query<ReviewRow>(
        `update fanshop_reviews set rating = $3, text = $4, name = $5, language = $6, updated_at = $7,
           status = case when $9::boolean and status = 'published' then 'pending' else status end
         where order_id = $1 and product_id = $2 and created_at >= $8 returning *`,
        [orderId, productId, changes.rating, changes.text, changes.name, changes.language, now, editableSince, hold],
      );
      if (row) return { outcome: 'updated', review: reviewFromRow(row) };
      const existing = await store.getReview(orderId, productId);
      return existing ? { outcome: 'closed', review: existing } : { outcome: 'not_found' };
    },
    async setReviewStatus(id, status) {
      const [row] = await sql.query<ReviewRow>('update fanshop_reviews set status = $2 where id = $1 returning *', [id, status]);
      return row ? reviewFromRow(row) : undefined;
    },
    async listReviews(productId, query) {
      const rating = query.rating ?? null;
      const where = "product_id = $1 and status = 'published' and ($2::int is null or rating = $2::int)";
      const [count] = await sql.query<{ total: number }>(`select count(*)::int as total from fanshop_reviews where ${where}`, [productId, rating]);
      const rows = await sql.query<ReviewRow>(`select * from fanshop_reviews where ${where} order by ${REVIEW_ORDER[query.sort]} limit $3 offset $4`, [productId, rating, query.limit, query.offset]);
      return { total: count?.total ?? 0, reviews: rows.map(reviewFromRow) };
    },
    async reviewAggregates(productIds) {
      const aggregates = Object.fromEntries(productIds.map((id) => [id, NO_REVIEWS]));
      if (!productIds.length) return aggregates;
      const rows = await sql.query<{ product_id: string; rating: number; count: number }>(
        "select product_id, rating, count(*)::int as count from fanshop_reviews where product_id = any($1::text[]) and status = 'published' group by product_id, rating",
        [productIds],
      );
      const stars = new Map<string, [number, number, number, number, number]>();
      for (const row of rows) {
        const counts = stars.get(row.product_id) ?? [0, 0, 0, 0, 0];
        counts[row.rating - 1] = row.count;
        stars.set(row.product_id, counts);
      }
      for (const [id, counts] of stars) aggregates[id] = aggregateOf(counts);
      return aggregates;
    },
    async publishedRatings() {
      const rows = await sql.query<{ product_id: string; sum: number; count: number }>(
        "select product_id, sum(rating)::int as sum, count(*)::int as count from fanshop_reviews where status = 'published' group by product_id",
      );
      return Object.fromEntries(rows.map((row) => [row.product_id, ratingOf(row.sum, row.count)]));
    },
    async allReviews(statuses) {
      const rows = await sql.query<ReviewRow>('select * from fanshop_reviews where $1::text[] is null or status = any($1::text[]) order by created_at desc, id desc', [statuses ? [...statuses] : null]);
      return rows.map(reviewFromRow);
    },
  };
  return store;
}
