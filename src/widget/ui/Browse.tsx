import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { Product } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { clearFilters } from '../shop/store';
import { afterPaint } from '../shop/after-paint';
import { useStore } from './use-store';
import { Toolbar } from './Toolbar';
import { ProductCard } from './ProductCard';
import { preloadParts, searchModule } from './lazy-parts';

/** The grid with its search, filter and sort: what the shopper sees first. */
export function Browse(props: { hidden: boolean }) {
  const shop = useShop();
  const catalog = useStore(shop.store, (s) => s.catalog)!;
  const query = useStore(shop.store, (s) => s.query);
  const categoryId = useStore(shop.store, (s) => s.categoryId);
  const sort = useStore(shop.store, (s) => s.sort);
  // Search, sort and filter code arrives after the first paint; the catalog's own order needs none.
  const [, searchArrived] = useReducer((n: number) => n + 1, 0);
  const search = searchModule.get();
  const filtering = query.trim() !== '' || categoryId !== null || sort !== 'featured';
  if (filtering && !search) void searchModule.load().then(searchArrived);
  const index = useMemo(() => search?.buildSearchIndex(catalog.products), [catalog, search]);
  const products: readonly Product[] = useMemo(
    () => (search && index && filtering ? search.sortProducts(search.filterByCategory(search.searchProducts(index, query), categoryId), sort) : catalog.products),
    [index, query, categoryId, sort],
  );

  // Tell the host page what the shopper searched for once they pause typing.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => shop.events.emit('search', { query: query.trim(), categoryId, resultCount: products.length }), 500);
    return () => clearTimeout(timer);
  }, [query, categoryId]);

  useEffect(() => {
    if (products.length) performance.mark('fanshop:first-product');
    // With the grid on screen, fetch the rest of the shop's code while the shopper looks.
    afterPaint(preloadParts);
  }, []);

  return (
    <div class="browse" hidden={props.hidden}>
      <Toolbar count={products.length} />
      {products.length ? (
        <ul class="grid" part="grid" role="list">
          {products.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
      ) : (
        <div class="message" part="empty">
          <p class="message-title">{shop.t.emptyTitle}</p>
          <p>{shop.t.emptyText}</p>
          <button type="button" class="button" part="button" onClick={() => clearFilters(shop.store)}>
            {shop.t.clearFilters}
          </button>
        </div>
      )}
    </div>
  );
}
