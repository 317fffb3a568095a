import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { Product } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { clearFilters } from '../shop/store';
import { afterPaint } from '../shop/after-paint';
import { useStore } from './use-store';
import { Toolbar } from './Toolbar';
import { ProductCard } from './ProductCard';
import { preloadParts, searchModule } from './lazy-parts';

/** Cards rendered at first and added by each "Show more": a 1,000-product catalog shows fast. */
const PAGE = 48;

/** The grid with its search, filter and sort: what the shopper sees first. */
export function Browse(props: { hidden: boolean }) {
  const shop = useShop();
  const catalog = useStore(shop.store, (s) => s.catalog)!;
  const query = useStore(shop.store, (s) => s.query);
  const categoryId = useStore(shop.store, (s) => s.categoryId);
  const sort = useStore(shop.store, (s) => s.sort);
  // Like counts matter to the grid only when it is sorted by them.
  const likes = useStore(shop.store, (s) => (s.sort === 'liked' ? s.likes : undefined));
  // Search, sort and filter code arrives after the first paint; the catalog's own order needs none.
  const [, searchArrived] = useReducer((n: number) => n + 1, 0);
  const search = searchModule.get();
  const filtering = query.trim() !== '' || categoryId !== null || sort !== 'featured';
  if (filtering && !search) void searchModule.load().then(searchArrived);
  const index = useMemo(() => search?.buildSearchIndex(catalog.products), [catalog, search]);
  const products: readonly Product[] = useMemo(
    () => (search && index && filtering ? search.sortProducts(search.filterByCategory(search.searchProducts(index, query), categoryId), sort, likes) : catalog.products),
    [catalog.products, search, index, filtering, query, categoryId, sort, likes],
  );

  const [shown, setShown] = useState(PAGE);
  useEffect(() => {
    setShown(PAGE);
    // Most liked needs every product's count, not only the shown cards'.
    if (sort === 'liked') void import('../social/likes').then((m) => m.likesFor(shop).wantAll());
  }, [shop, query, categoryId, sort]);

  // Tell the host page what the shopper searched for once they pause typing: once per new
  // query or category, counted with the search code in (it may arrive after the last keystroke).
  const reported = useRef(`${query}\u0000${categoryId}`);
  const { events } = shop;
  const resultCount = products.length;
  useEffect(() => {
    const key = `${query}\u0000${categoryId}`;
    if (key === reported.current || (filtering && !search)) return;
    const timer = setTimeout(() => {
      reported.current = key;
      events.emit('search', { query: query.trim(), categoryId, resultCount });
    }, 500);
    return () => clearTimeout(timer);
  }, [events, query, categoryId, filtering, search, resultCount]);

  // Once, when the grid first renders: whether it had cards then is what the mark measures.
  const firstRenderHadCards = useRef(products.length > 0);
  useEffect(() => {
    if (firstRenderHadCards.current) performance.mark('fanshop:first-product');
    // With the grid on screen, fetch the rest of the shop's code while the shopper looks.
    afterPaint(preloadParts);
  }, []);

  return (
    <div class="browse" hidden={props.hidden}>
      <Toolbar count={products.length} />
      {products.length ? (
        <ul class="grid" part="grid" role="list">
          {products.slice(0, shown).map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
      ) : null}
      {products.length > shown && (
        <button type="button" class="button more" part="button show-more" onClick={() => setShown(shown + PAGE)}>
          {shop.t.showMore(products.length - shown)}
        </button>
      )}
      {products.length ? null : (
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
