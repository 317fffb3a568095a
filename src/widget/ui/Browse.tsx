import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { Product } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { clearFilters, queryKey } from '../shop/store';
import { afterPaint } from '../shop/after-paint';
import { useStore } from './use-store';
import { Toolbar } from './Toolbar';
import { ProductCard } from './ProductCard';
import { listChanges, preloadParts, remoteModule, searchModule } from './lazy-parts';

/** Cards rendered at first and added by each "Show more": a 1,000-product catalog shows fast. */
const PAGE = 48;

/**
 * One card element per product object, kept (a product object belongs to one shop's store):
 * Preact does not render again a component given the element it rendered before, so a
 * keystroke, or a search whose answer repeats products (shop/same-products.ts), renders no
 * card already on screen (issue 12: every keystroke rendered all 48 cards, three times).
 */
const cards = new WeakMap<Product, VNode>();

/** The grid with its search, filter and sort: what the shopper sees first. */
export function Browse(props: { hidden: boolean }) {
  const shop = useShop();
  // The catalog matters here only when the grid searches it itself: a big one's products are
  // in `results`, and products the server sends for other reasons do not redraw the grid.
  const catalog = useStore(shop.store, (s) => (s.results ? null : s.catalog));
  const query = useStore(shop.store, (s) => s.query);
  const categoryId = useStore(shop.store, (s) => s.categoryId);
  const sort = useStore(shop.store, (s) => s.sort);
  // A big catalog is searched, sorted and paged by its server (shop/remote.ts).
  const results = useStore(shop.store, (s) => s.results);
  const paged = results !== undefined;
  // Like counts matter to the grid only when it sorts them itself.
  const likes = useStore(shop.store, (s) => (s.sort === 'liked' && !s.paged ? s.likes : undefined));
  // Search, sort and filter code arrives after the first paint; the catalog's own order needs none.
  const [, searchArrived] = useReducer((n: number) => n + 1, 0);
  const search = paged ? undefined : searchModule.get();
  const filtering = query.trim() !== '' || categoryId !== null || sort !== 'featured';
  if (filtering && !paged && !search) void searchModule.load().then(searchArrived);
  const index = useMemo(() => catalog && search?.buildProductIndex(catalog.products), [catalog, search]);
  const products: readonly Product[] = useMemo(
    () => (paged ? results.products : search && index && filtering ? search.queryProducts(index, { q: query, categoryId, sort, likes, all: true }).products : (catalog?.products ?? [])),
    [paged, results, catalog, search, index, filtering, query, categoryId, sort, likes],
  );
  const total = paged ? results.total : products.length;
  // The results on screen answer what the shopper asked (not an older search still shown).
  const current = paged ? results.key === queryKey({ query, categoryId, sort }) && !results.pending : !filtering || !!search;

  const [shown, setShown] = useState(PAGE);
  // Before the browser paints the keystroke, so that the search is on its way a frame sooner.
  useLayoutEffect(() => {
    setShown(PAGE);
    if (paged) void remoteModule.load().then((m) => m.showResults(shop));
    // Most liked needs every product's count, not only the shown cards'.
    else if (sort === 'liked') void import('../social/likes').then((m) => m.likesFor(shop).wantAll());
  }, [shop, paged, query, categoryId, sort]);

  // Tell the host page what the shopper searched for once they pause typing (list-changes.ts):
  // its code is in whenever the list changed, with the search's or the big catalog's.
  const changes = listChanges.get();
  const reported = useRef(`${query}\u0000${categoryId}`);
  useEffect(() => changes?.reportSearch(shop, reported, query, categoryId, current, total), [changes, shop, query, categoryId, current, total]);

  // Once, when the grid first renders: whether it had cards then is what the mark measures.
  const firstRenderHadCards = useRef(products.length > 0);
  useEffect(() => {
    if (firstRenderHadCards.current) performance.mark('fanshop:first-product');
    // With the grid on screen, fetch the rest of the shop's code while the shopper looks.
    afterPaint(() => {
      preloadParts();
      if (shop.store.getState().paged) void remoteModule.load().catch(() => {});
    });
  }, [shop]);

  // A new list (a search, a category, a sort) shows its first cards in this frame and the rest
  // once it is painted; the first render (the hydrated grid) and Show more render whole.
  const listed = paged ? products : products.slice(0, shown);
  const whole = useRef(listed);
  const [, setRounds] = useState(0);
  const staged = !!changes?.stagedList(listed, whole.current);
  useEffect(() => {
    if (!staged) {
      whole.current = listed;
      return;
    }
    return changes!.whenIdle(() => {
      whole.current = listed;
      setRounds((n) => n + 1);
    });
  }, [changes, listed, staged]);
  const visible = staged ? changes!.firstCards(listed) : listed;
  // A search that failed is told under the search box, a "Show more" that failed by its button.
  const failure = paged && results.failed && (
    <div class="message" part="error" role="alert">
      <p>{shop.t.errorNetwork}</p>
      <button type="button" class="button" part="button retry" onClick={() => void remoteModule.load().then((m) => (current ? m.showMore(shop) : m.showResults(shop)))}>
        {shop.t.retry}
      </button>
    </div>
  );
  return (
    <div class="browse" hidden={props.hidden}>
      <Toolbar count={total} />
      {!current && failure}
      {products.length ? (
        <ul class="grid" part="grid" role="list">
          {visible.map((p) => (
            <li key={p.id}>{cards.get(p) ?? cards.set(p, <ProductCard product={p} />).get(p)}</li>
          ))}
        </ul>
      ) : null}
      {failure ? (
        current && failure
      ) : (
        total > listed.length && (
          <button
            type="button"
            class="button more"
            part="button show-more"
            onClick={() => (paged ? void remoteModule.load().then((m) => m.showMore(shop)) : setShown(shown + PAGE))}
          >
            {shop.t.showMore(total - listed.length)}
          </button>
        )
      )}
      {products.length || !current ? null : (
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
