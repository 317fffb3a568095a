import type { FunnelCounts, InsightsResponse, ProductInsight, RankedProduct } from '../../core/api/insights';
import type { Catalog } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import type { EventCount, EventStore } from '../events/store';
import type { OrderStore } from '../orders/order';
import type { ReviewStore } from '../reviews/store';

export interface InsightsStores {
  readonly events: EventStore;
  readonly orders: OrderStore;
  readonly reviews: ReviewStore;
}

/** A period of whole UTC days: [from, to) as times, and its first and last day as written. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
  readonly firstDay: string;
  readonly lastDay: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TOP = 10;
const SEARCHES = 50;

/**
 * The studio's numbers for a period: the funnel overall and per product, the most liked,
 * shared and wished-for products, searches that found nothing, the paid orders with their
 * totals, and the reviews' average per product and how many wait for moderation.
 *
 * Purchases come from the orders store, not from the widget's `purchase` events: an order is
 * there once the webhook says it is paid, also when the shopper never comes back to the page,
 * when their browser asks for Global Privacy Control, or when the merchant turned events off,
 * and a confirmation reloaded twice is still one order. Views, adds and checkouts exist only as
 * events.
 */
export async function insights(stores: InsightsStores, catalog: Catalog, period: Period): Promise<InsightsResponse> {
  const [counts, searches, allOrders, ratings, pending] = await Promise.all([
    stores.events.eventCounts(period.from, period.to),
    stores.events.zeroResultSearches(period.from, period.to, SEARCHES),
    stores.orders.listOrders(),
    stores.reviews.publishedRatings(),
    stores.reviews.allReviews(['pending']),
  ]);
  const from = period.from.getTime();
  const to = period.to.getTime();
  const orders = allOrders.filter((o) => Date.parse(o.createdAt) >= from && Date.parse(o.createdAt) < to);
  const lang = catalog.shop.defaultLocale;
  const titles = new Map(catalog.products.map((p) => [p.id, localize(p.title, lang, lang)]));
  const title = (id: string) => titles.get(id) ?? id;

  const rows = new Map<string, Mutable<ProductInsight>>();
  const row = (productId: string) => {
    const known = rows.get(productId);
    if (known) return known;
    const r: Mutable<ProductInsight> = { productId, title: title(productId), views: 0, addsToCart: 0, checkouts: 0, purchases: 0, units: 0, likes: 0, shares: 0, wishes: 0, rating: null, ratingCount: 0 };
    rows.set(productId, r);
    return r;
  };
  const field = { view: 'views', add_to_cart: 'addsToCart', begin_checkout: 'checkouts', like: 'likes', share: 'shares', wish: 'wishes' } as const;
  for (const c of counts) {
    const key = c.type in field ? field[c.type as keyof typeof field] : null;
    if (key && c.productId) row(c.productId)[key] += c.count;
  }
  for (const order of orders) {
    const bought = new Set<string>();
    for (const line of order.lines) {
      if (typeof line.productId !== 'string') continue;
      row(line.productId).units += line.quantity;
      bought.add(line.productId);
    }
    for (const id of bought) row(id).purchases += 1;
  }
  for (const [productId, r] of Object.entries(ratings)) {
    const product = row(productId);
    product.rating = r.average;
    product.ratingCount = r.count;
  }

  const products = [...rows.values()].sort((a, b) => b.views - a.views || b.purchases - a.purchases || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const sum = (type: EventCount['type']) => counts.filter((c) => c.type === type).reduce((n, c) => n + c.count, 0);
  const funnel: FunnelCounts = { views: sum('view'), addsToCart: sum('add_to_cart'), checkouts: sum('begin_checkout'), purchases: orders.length };
  const ranked = (type: 'like' | 'share' | 'wish'): RankedProduct[] =>
    counts
      .filter((c): c is EventCount & { productId: string } => c.type === type && c.productId !== null)
      .sort((a, b) => b.count - a.count || (a.productId < b.productId ? -1 : 1))
      .slice(0, TOP)
      .map((c) => ({ productId: c.productId, title: title(c.productId), count: c.count }));
  return {
    from: period.firstDay,
    to: period.lastDay,
    currency: catalog.shop.currency,
    funnel,
    products,
    mostLiked: ranked('like'),
    mostShared: ranked('share'),
    mostWished: ranked('wish'),
    zeroResultSearches: searches,
    orders: {
      count: orders.length,
      total: orders.reduce((n, o) => n + (o.currency.toUpperCase() === catalog.shop.currency.toUpperCase() ? o.amountTotal : 0), 0),
      list: orders
        .map((o) => ({ id: o.id, createdAt: o.createdAt, total: o.amountTotal, currency: o.currency.toUpperCase(), items: o.lines.reduce((n, l) => n + l.quantity, 0) }))
        .reverse(),
    },
    pendingReviews: pending.length,
  };
}
