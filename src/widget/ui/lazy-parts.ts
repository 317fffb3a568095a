import { lazy } from './lazy';
import { lazyModule } from './lazy-module';

/**
 * The parts of the shop a shopper reaches after the grid is on screen: loaded on demand and
 * fetched ahead right after the first paint (preloadParts), so they are there when needed.
 */
export const LazyProductDetail = lazy(() => import('./ProductDetail').then((m) => m.ProductDetail));
export const LazyCartDrawer = lazy(() => import('./CartDrawer').then((m) => m.CartDrawer));
export const LazyCartButton = lazy(() => import('./CartButton').then((m) => m.CartButton));
export const LazyNotices = lazy(() => import('./Notices').then((m) => m.Notices));
export const LazySocial = lazy(() => import('./Social').then((m) => m.Social));
/** The review form of `#/review/<token>` (reviews/form.ts). */
export const LazyReviewForm = lazy(() => import('./ReviewForm').then((m) => m.ReviewForm));
/** What the grid does once its list changes (list-changes.ts): it arrives with the code that changes the list. */
export const listChanges = lazyModule(() => import('./list-changes'));
/** Search, sort and category of a catalog the widget has whole (core/catalog/query.ts, as the server's). */
export const searchModule = lazyModule(() => Promise.all([import('../../core/catalog/query'), listChanges.load()]).then(([m]) => m));
export const actionsModule = lazyModule(() => import('../shop/actions'));
/** Searches and pages of a big catalog, through its server. */
export const remoteModule = lazyModule(() => Promise.all([import('../shop/remote'), listChanges.load()]).then(([m]) => m));

export function preloadParts(): void {
  for (const part of [LazyProductDetail, LazyCartDrawer, LazyCartButton, LazySocial, searchModule, actionsModule]) void part.load().catch(() => {});
}
