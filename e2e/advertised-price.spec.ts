import { readFileSync } from 'node:fs';
import { cards, expect, test, waitForGrid } from './fixtures';
import { ownServer } from './own-server';

/**
 * A shopper who sees a product on a card and then opens its shared page (`/p/<id>`, what a
 * Facebook post links to) reads the same price and the same availability on both: one rule in
 * core (catalog/offer.ts, catalog/availability.ts), not one in the widget and another on the page.
 *
 * The shop runs on a merchant's catalog where that matters: the demo's, with the cheapest
 * variant of the filter coffee (250 g) sold out, so its card must not say "from €11.90" while
 * its page offers it from €21.90.
 */
const catalog = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { products: { id: string; variants?: { stock?: number }[] }[] };
catalog.products.find((p) => p.id === 'house-filter-roast')!.variants![0]!.stock = 0;
const { origin } = ownServer(5, JSON.stringify(catalog));

test('every card shows the price and availability its product page advertises', async ({ page, request }) => {
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  const shown = await cards(page).evaluateAll((articles) => {
    // What a sighted shopper reads: without the words only screen readers hear ("now", "was").
    const visible = (el: Element | null) => {
      if (!el) return '';
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent?.trim() ?? '';
    };
    return articles.map((card) => ({
      id: card.getAttribute('data-product-id') ?? '',
      price: visible(card.querySelector('[part~="price-now"]')),
      was: visible(card.querySelector('[part~="price-was"]')),
      // Sold out: no Add to cart that works (Notify me in its place, with the server).
      soldOut: !card.querySelector('[part~="add-to-cart"]:not([disabled])'),
    }));
  });
  expect(shown.length).toBeGreaterThan(20);
  expect(shown.find((card) => card.id === 'house-filter-roast')?.price).toBe('from €21.90');
  for (const card of shown) {
    const html = await (await request.get(`${origin}/p/${encodeURIComponent(card.id)}`, { headers: { 'Accept-Language': 'en' } })).text();
    const pagePrice = /<p class="price"><strong>([^<]*)<\/strong>/.exec(html)?.[1]?.replace(/&nbsp;/g, '\u00a0');
    const pageWas = /<del><span class="visually-hidden">[^<]*<\/span>([^<]*)<\/del>/.exec(html)?.[1] ?? '';
    const pageSoldOut = /<p class="availability sold-out">/.test(html);
    expect({ id: card.id, price: pagePrice, was: pageWas, soldOut: pageSoldOut }).toEqual(card);
  }
});
