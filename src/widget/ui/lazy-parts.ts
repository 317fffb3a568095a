import { lazy } from './lazy';

/** The parts of the shop a shopper reaches after the grid: loaded on demand. */
export const LazyProductDetail = lazy(() => import('./ProductDetail').then((m) => m.ProductDetail));
export const LazyCartDrawer = lazy(() => import('./CartDrawer').then((m) => m.CartDrawer));

export function preloadParts(): void {
  void LazyProductDetail.preload().catch(() => {});
  void LazyCartDrawer.preload().catch(() => {});
}
