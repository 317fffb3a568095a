import type { ProductRatings, ReviewAggregate } from '../../../core/api/reviews';
import { aggregateOf, NO_REVIEWS, ratingOf, REVIEW_ORDER, type Review, reviewFromRow, type ReviewRow as StoredRow, type ReviewChanges, type ReviewListQuery, type ReviewStatus, type ReviewUpdate } from '../../reviews/store';

/**
 * Reviews in the Durable Object's SQLite (migrations.ts, step 2), with the semantics of the
 * Postgres engine (data/postgres/reviews.ts): times are milliseconds since the epoch. Plain
 * functions, called by FanshopData's methods, so RPC reaches only those.
 */
/** Times are milliseconds since the epoch here. */
type ReviewRow = Omit<StoredRow, 'created_at' | 'updated_at'> & { created_at: number; updated_at: number };


const COLUMNS = 'id, product_id, variant_id, order_id, rating, text, name, language, status, created_at, updated_at';

export function createReview(sql: SqlStorage, r: Review): 'created' | 'exists' {
  const rows = sql
    .exec(
      `insert into fanshop_reviews (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (order_id, product_id) do nothing returning id`,
      r.id,
      r.productId,
      r.variantId,
      r.orderId,
      r.rating,
      r.text,
      r.name,
      r.language,
      r.status,
      Date.parse(r.createdAt),
      Date.parse(r.updatedAt),
    )
    .toArray();
  return rows.length ? 'created' : 'exists';
}

export function getReview(sql: SqlStorage, orderId: string, productId: string): Review | undefined {
  const [row] = sql.exec<ReviewRow>(`select ${COLUMNS} from fanshop_reviews where order_id = ? and product_id = ?`, orderId, productId).toArray();
  return row ? reviewFromRow(row) : undefined;
}

export function updateReview(sql: SqlStorage, orderId: string, productId: string, changes: ReviewChanges, options: { now: Date; editableSince: Date; hold: boolean }): ReviewUpdate {
  const [row] = sql
    .exec<ReviewRow>(
      `update fanshop_reviews set rating = ?, text = ?, name = ?, language = ?, updated_at = ?,
         status = case when ? = 1 and status = 'published' then 'pending' else status end
       where order_id = ? and product_id = ? and created_at >= ? returning ${COLUMNS}`,
      changes.rating,
      changes.text,
      changes.name,
      changes.language,
      options.now.getTime(),
      options.hold ? 1 : 0,
      orderId,
      productId,
      options.editableSince.getTime(),
    )
    .toArray();
  if (row) return { outcome: 'updated', review: reviewFromRow(row) };
  const existing = getReview(sql, orderId, productId);
  return existing ? { outcome: 'closed', review: existing } : { outcome: 'not_found' };
}

export function setReviewStatus(sql: SqlStorage, id: string, status: ReviewStatus): Review | undefined {
  const [row] = sql.exec<ReviewRow>(`update fanshop_reviews set status = ? where id = ? returning ${COLUMNS}`, status, id).toArray();
  return row ? reviewFromRow(row) : undefined;
}

export function listReviews(sql: SqlStorage, productId: string, query: ReviewListQuery): { total: number; reviews: Review[] } {
  const rating = query.rating ?? null;
  const where = "product_id = ? and status = 'published' and (? is null or rating = ?)";
  const [count] = sql.exec<{ total: number }>(`select count(*) as total from fanshop_reviews where ${where}`, productId, rating, rating).toArray();
  const rows = sql.exec<ReviewRow>(`select ${COLUMNS} from fanshop_reviews where ${where} order by ${REVIEW_ORDER[query.sort]} limit ? offset ?`, productId, rating, rating, query.limit, query.offset);
  return { total: count?.total ?? 0, reviews: Array.from(rows, reviewFromRow) };
}

export function reviewAggregates(sql: SqlStorage, productIds: readonly string[]): Record<string, ReviewAggregate> {
  const aggregates: Record<string, ReviewAggregate> = Object.fromEntries(productIds.map((id) => [id, NO_REVIEWS]));
  const rows = sql.exec<{ product_id: string; rating: number; count: number }>(
    "select product_id, rating, count(*) as count from fanshop_reviews where product_id in (select value from json_each(?)) and status = 'published' group by product_id, rating",
    JSON.stringify(productIds),
  );
  const stars = new Map<string, [number, number, number, number, number]>();
  for (const row of rows) {
    const counts = stars.get(row.product_id) ?? [0, 0, 0, 0, 0];
    counts[row.rating - 1] = row.count;
    stars.set(row.product_id, counts);
  }
  for (const [id, counts] of stars) aggregates[id] = aggregateOf(counts);
  return aggregates;
}

export function publishedRatings(sql: SqlStorage): ProductRatings {
  const rows = sql.exec<{ product_id: string; sum: number; count: number }>("select product_id, sum(rating) as sum, count(*) as count from fanshop_reviews where status = 'published' group by product_id");
  return Object.fromEntries(Array.from(rows, (row) => [row.product_id, ratingOf(row.sum, row.count)]));
}

export function allReviews(sql: SqlStorage, statuses?: readonly ReviewStatus[]): Review[] {
  const rows = sql.exec<ReviewRow>(
    `select ${COLUMNS} from fanshop_reviews where ? is null or status in (select value from json_each(?)) order by created_at desc, id desc`,
    statuses ? 1 : null,
    JSON.stringify(statuses ?? []),
  );
  return Array.from(rows, reviewFromRow);
}
