import type { InsightsResponse, InsightsTable } from '../../core/api/insights';
import { csvDocument } from '../feeds/csv';

/** Minor units as a decimal string in the currency's usual digits (EUR 1280 -> 12.80), for spreadsheets. */
function amount(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/** One table of the studio's numbers as CSV (RFC 4180, feeds/csv.ts), as the Insights screen shows it. */
export function insightsCsv(data: InsightsResponse, table: InsightsTable): string {
  const n = (x: number) => String(x);
  switch (table) {
    case 'funnel':
      return csvDocument(['step', 'count'], [
        ['views', n(data.funnel.views)],
        ['adds_to_cart', n(data.funnel.addsToCart)],
        ['checkouts', n(data.funnel.checkouts)],
        ['purchases', n(data.funnel.purchases)],
      ]);
    case 'products':
      return csvDocument(
        ['product_id', 'title', 'views', 'adds_to_cart', 'checkouts', 'purchases', 'units', 'likes', 'shares', 'wishes', 'rating', 'rating_count'],
        data.products.map((p) => [p.productId, p.title, n(p.views), n(p.addsToCart), n(p.checkouts), n(p.purchases), n(p.units), n(p.likes), n(p.shares), n(p.wishes), p.rating === null ? '' : p.rating.toFixed(2), n(p.ratingCount)]),
      );
    case 'searches':
      return csvDocument(['query', 'count'], data.zeroResultSearches.map((s) => [s.query, n(s.count)]));
    case 'orders':
      return csvDocument(['order_id', 'created_at', 'items', 'total', 'currency'], data.orders.list.map((o) => [o.id, o.createdAt, n(o.items), amount(o.total, o.currency), o.currency]));
  }
}
