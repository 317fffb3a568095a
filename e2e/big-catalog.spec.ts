import { cards, expect, test, waitForGrid } from './fixtures';
import { bigCatalogServer } from './own-server';

/**
 * A merchant's real size: 2,000 products. The widget is sent the first page of cards, not the
 * catalog, and searches, filters, pages, opens shared links and restores the cart through the
 * server (GET /api/products). A server of its own, on an empty database.
 */
const { origin, big } = bigCatalogServer(7);

const count = (page: import('@playwright/test').Page) => page.locator('[part="count"]');
const search = (page: import('@playwright/test').Page) => page.getByRole('searchbox', { name: /Search products|Produkte suchen/ });

test('the first page arrives with the page (or the catalog), not the catalog itself; Show more asks for the next', async ({ page, consoleErrors }) => {
  const catalogBytes: number[] = [];
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname === '/catalog.json') catalogBytes.push(Number((await r.allHeaders())['content-length'] ?? (await r.body()).length));
  });
  // /shop is rendered on the server with the first page, which it embeds for the widget.
  const response = await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await expect(count(page)).toHaveText('2000 products');
  await expect(cards(page)).toHaveCount(48);
  // The parsed first page is a sliver of the 2,000 products' file, and no catalog request.
  expect(catalogBytes).toEqual([]);
  expect((await response!.body()).length).toBeLessThan(big.text.length / 10);
  await page.getByRole('button', { name: 'Show more (1952 more)' }).click();
  await expect(cards(page)).toHaveCount(96);
  await expect(cards(page).nth(95)).toHaveAttribute('data-product-id', big.json.products[95]!.id);
  expect(consoleErrors).toEqual([]);
});

test('a search through the server finds the one product among 2,000, and a category narrows by its count', async ({ page }) => {
  const events: unknown[] = [];
  await page.exposeFunction('recordSearch', (d: unknown) => events.push(d));
  await page.addInitScript(() => document.addEventListener('fanshop:search', (e) => (window as unknown as { recordSearch(d: unknown): void }).recordSearch((e as CustomEvent).detail)));
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await search(page).pressSequentially('batch1502', { delay: 30 });
  await expect(count(page)).toHaveText('1 product');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute('data-product-id', 'bircher-muesli-mix-1502');
  await expect.poll(() => events).toEqual([{ query: 'batch1502', categoryId: null, resultCount: 1 }]);

  await search(page).fill('');
  await expect(count(page)).toHaveText('2000 products');
  await page.getByRole('button', { name: 'Tea', exact: true }).click();
  const teas = big.json.products.filter((p) => (p as { category?: string }).category === 'tea').length;
  await expect(count(page)).toHaveText(`${teas} products`);
  await expect(cards(page).first()).toHaveAttribute('data-product-id', big.json.products.find((p) => (p as { category?: string }).category === 'tea')!.id);
});

test('a failed search keeps the cards on screen, says so, and Retry brings the results', async ({ page }) => {
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await page.route('**/api/products?**', (route) => route.abort());
  await search(page).fill('batch7');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Check your connection');
  await expect(cards(page)).toHaveCount(48);
  // Told under the search box, where the shopper is looking, not below 48 cards.
  expect((await alert.boundingBox())!.y).toBeLessThan((await cards(page).first().boundingBox())!.y);
  await page.unroute('**/api/products?**');
  await page.getByRole('button', { name: 'Retry' }).click();
  // batch7, batch70…79, batch700…799: 111 products.
  await expect(count(page)).toHaveText('111 products');
});

test('a failed Show more is told by its button, and Retry adds the next page', async ({ page }) => {
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await page.route('**/api/products?**', (route) => route.abort());
  await page.getByRole('button', { name: /Show more/ }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Check your connection');
  expect((await alert.boundingBox())!.y).toBeGreaterThan((await cards(page).last().boundingBox())!.y);
  await page.unroute('**/api/products?**');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page)).toHaveCount(96);
  await expect(count(page)).toHaveText('2000 products');
});

test('a shared link to a product the catalog does not have says so', async ({ page }) => {
  await page.goto(`${origin}/shop#/p/no-such-product`);
  await expect(page.locator('[data-detail]').getByRole('alert')).toBeVisible();
});
