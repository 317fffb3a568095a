import type { Product } from '../../core/catalog/types';
import type { Shop } from '../shop/context';

/**
 * What the grid (Browse.tsx) does only once the shopper changes its list: a search, a category,
 * a sort, a big catalog's next answer. A chunk that arrives with the code that makes such a list
 * (ui/lazy-parts.ts: `searchModule` and `remoteModule` load it too), so the first view, which
 * shows the catalog's own first list whole, does not carry it; until it is in, a list renders
 * whole, as the first one does.
 */

/**
 * Cards a new list of results shows in the frame that answers the keystroke: two rows of the
 * widest grid (4 columns), more than a phone's screen shows. The rest follow once that frame is
 * painted and the browser is idle (at most 200 ms later), unless the next key came first.
 * Rendering the 24 cards of a search's answer at once took most of a keystroke's time at 10,000
 * products (issue 12's bench: the answer's cards, 15-25 ms of script on this machine, before
 * the frame could paint).
 */
export const FIRST_CARDS = 8;

/** Whether `list` is a new list worth staging: not `before` with more products after it (Show more). */
export function stagedList(list: readonly Product[], before: readonly Product[]): boolean {
  return list.length > FIRST_CARDS && list !== before && !(list.length >= before.length && before.every((p, i) => list[i] === p));
}

export const firstCards = (list: readonly Product[]): readonly Product[] => list.slice(0, FIRST_CARDS);

/**
 * Runs `rest` once the browser is idle after the staged cards are painted (Preact's effects wait
 * for the frame): a key typed before then brings a new list, and these are never rendered.
 * Returns what cancels it.
 */
export function whenIdle(rest: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(rest, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(rest, 50);
  return () => clearTimeout(id);
}

/**
 * Tells the host page what the shopper searched for once they pause typing: once per new query
 * or category (`reported` holds the last one told), counted with the results in (they may arrive
 * after the last keystroke). Returns what cancels it.
 */
export function reportSearch(shop: Shop, reported: { current: string }, query: string, categoryId: string | null, current: boolean, total: number): (() => void) | undefined {
  const key = `${query}\u0000${categoryId}`;
  if (key === reported.current || !current) return;
  const timer = setTimeout(() => {
    reported.current = key;
    shop.events.emit('search', { query: query.trim(), categoryId, resultCount: total });
  }, 500);
  return () => clearTimeout(timer);
}

