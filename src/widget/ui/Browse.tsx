import { useEffect, useMemo, useRef } from 'preact/hooks';
import { buildSearchIndex, filterByCategory, searchProducts, sortProducts } from '../../core/catalog/search';
import { useShop } from '../shop/context';
import { clearFilters } from '../shop/store';
import { useStore } from './use-store';
import { Toolbar } from './Toolbar';
import { ProductCard } from './ProductCard';
import { preloadParts } from './lazy-parts';
import { afterPaint } from '../shop/after-paint';

/** The grid with its search, filter and sort: what the shopper sees first. */
export function Browse(props: { hidden: boolean }) {
  const shop = useShop();
  const catalog = useStore(shop.store, (s) => s.catalog)!;
  const query = useStore(shop.store, (s) => s.query);
  const categoryId = useStore(shop.store, (s) => s.categoryId);
  const sort = useStore(shop.store, (s) => s.sort);
  const index = useMemo(() => buildSearchIndex(catalog.products), [catalog]);
  const products = useMemo(
    () => sortProducts(filterByCategory(searchProducts(index, query), categoryId), sort),
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
    // With the grid on screen, fetch the product view and cart code while the shopper looks.
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
