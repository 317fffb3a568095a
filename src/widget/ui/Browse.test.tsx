// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import demoCatalog from '../../../public/catalog.json';
import { generatedCatalog } from '../../../scripts/big-catalog.mjs';
import { parseCatalog } from '../../core/catalog/parse';
import { resolveConfig, type FanshopConfig } from '../config';
import { createCartStore } from '../cart/state';
import { createEventBus } from '../social/events';
import { loadMessages, loadMoreMessages, type Messages } from '../i18n/messages';
import { messagesFor } from '../i18n/locale';
import { ShopContext, type Shop } from '../shop/context';
import { catalogReadyState, createShopStore, setFilters } from '../shop/store';
import { Browse } from './Browse';
import { FIRST_CARDS } from './list-changes';

/** Effects run after the next paint (requestAnimationFrame, then a timeout). */
const afterPaint = () => new Promise((resolve) => setTimeout(resolve, 100));

async function browse(n: number) {
  const parsed = parseCatalog(JSON.parse(generatedCatalog(JSON.stringify(demoCatalog), n).text));
  if (!parsed.ok) throw new Error('the generated catalog did not parse');
  const config = resolveConfig({ catalog: '/catalog.json' } as FanshopConfig);
  const t = { ...messagesFor(await loadMessages('en'), 'en', config.labels), ...messagesFor(await loadMoreMessages('en'), 'en', config.labels) } as Messages;
  const store = createShopStore();
  store.setState(catalogReadyState({ catalog: parsed.catalog }));
  const shop = {
    config, t, more: { get: () => t, load: () => Promise.resolve(t) }, locale: 'en', language: 'en', store, cart: createCartStore(),
    events: createEventBus(new EventTarget(), {}), router: { open() {}, close() {}, stop() {} },
    limits: { maxQuantity: config.maxQuantity, maxLines: config.maxLines }, root: document, disposers: [],
  } as unknown as Shop;
  const root = document.createElement('div');
  render(h(ShopContext.Provider, { value: shop }, h(Browse, { hidden: false })), root);
  const cards = () => [...root.querySelectorAll('article[part="card"]')].map((a) => a.getAttribute('data-product-id'));
  return { store, root, cards, products: parsed.catalog.products };
}

describe('Browse', () => {
  it('renders its first list whole, as the server rendered it', async () => {
    const { cards } = await browse(30);
    expect(cards()).toHaveLength(30);
  });

  it('shows a new list of results by its first cards, then the rest once that frame is painted and the browser is idle', async () => {
    const { store, root, cards, products } = await browse(30);
    // What each render put on screen, seen before anything after it runs (a microtask).
    const renders: string[][] = [];
    new MutationObserver(() => renders.push(cards() as string[])).observe(root, { childList: true, subtree: true });
    setFilters(store, { sort: 'price-desc' });
    // The sort's code arrives, then the grid renders the new order's first cards only.
    await expect.poll(() => cards()[0]).not.toBe(products[0]!.id);
    const first = renders.find((ids) => ids[0] !== products[0]!.id)!;
    expect(first).toHaveLength(FIRST_CARDS);
    await expect.poll(() => cards()).toHaveLength(30);
    const all = cards();
    expect(all).toHaveLength(30);
    expect(all.slice(0, FIRST_CARDS)).toEqual(first);
    expect([...all].sort()).toEqual(products.map((p) => p.id).sort());
  });

  it('adds Show more\'s cards at once, and its count counts the cards still to come', async () => {
    const { root, cards } = await browse(60);
    expect(cards()).toHaveLength(48);
    const more = root.querySelector<HTMLButtonElement>('[part~="show-more"]')!;
    expect(more.textContent).toContain('12');
    more.click();
    await Promise.resolve();
    await afterPaint();
    expect(cards()).toHaveLength(60);
    expect(root.querySelector('[part~="show-more"]')).toBeNull();
  });
});
