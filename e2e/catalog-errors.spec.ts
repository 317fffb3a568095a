import type { Page, Route } from '@playwright/test';
import { cards, expect, test, waitForGrid } from './fixtures';

/**
 * When the catalog cannot be fetched or is broken, the shopper sees a short error with Retry,
 * and the merchant gets the reason in the console. Each case breaks only the first catalog
 * request; Retry then reaches the real catalog. The widget asks for `catalog.json?fanshop=1`
 * (the server's parsed copy), so routes match the path, not a glob that ends in `.json`.
 */
const isCatalog = (url: URL) => url.pathname === '/catalog.json';

const NETWORK = 'Check your connection and try again.';
const INVALID = 'The shop’s product list has a problem. Please try again later.';

async function failFirstCatalogRequest(page: Page, fail: (route: Route) => Promise<void>) {
  let failed = false;
  await page.route(isCatalog, async (route) => {
    if (failed) return route.fallback();
    failed = true;
    await fail(route);
  });
}

async function expectErrorThenRetry(page: Page, sentence: string) {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The shop could not be loaded');
  await expect(alert).toContainText(sentence);
  await expect(cards(page)).toHaveCount(0);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForGrid(page);
  await expect(cards(page)).toHaveCount(31);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

const cases: { name: string; sentence: string; fail: (route: Route) => Promise<void> }[] = [
  { name: 'answers 404', sentence: NETWORK, fail: (route) => route.fulfill({ status: 404, body: 'Not found' }) },
  {
    name: 'answers 500',
    sentence: NETWORK,
    fail: (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
  },
  { name: 'cannot be reached', sentence: NETWORK, fail: (route) => route.abort('internetdisconnected') },
  {
    name: 'is not valid JSON',
    sentence: INVALID,
    fail: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"shop": {"id": "nordlicht",' }),
  },
];

for (const c of cases) {
  test(`when the catalog ${c.name}, the shopper sees the error and Retry loads the shop`, async ({ page }) => {
    await failFirstCatalogRequest(page, c.fail);
    await page.goto('/');
    await expectErrorThenRetry(page, c.sentence);
  });
}

test('a catalog that breaks the schema shows the error and tells the merchant the JSON path', async ({ page, consoleErrors }) => {
  await failFirstCatalogRequest(page, async (route) => {
    // The merchant's file as written (no ?fanshop=1): the widget then checks it itself.
    const file = new URL(route.request().url());
    file.search = '';
    const catalog = await (await route.fetch({ url: file.href })).json();
    catalog.products[0].price = 12.5; // prices are integer minor units
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(INVALID);
  // The report's words are a chunk of their own (shop/catalog-problems.ts), loaded for it.
  await expect.poll(() => consoleErrors.find((e) => e.includes('products[0].price')), { message: `console errors: ${JSON.stringify(consoleErrors)}` }).toBeDefined();
  const report = consoleErrors.find((e) => e.includes('products[0].price'));
  expect(report).toContain('[fanshop]');
  expect(report).toContain('/catalog.json');
  await expectErrorThenRetry(page, INVALID);
});

/**
 * The first view's texts are a chunk of their own (fanshop-en-….mjs, fanshop-de-….mjs), loaded
 * with the catalog. When it cannot be fetched the shop cannot use it to say so: the error state
 * carries its few words itself, in the shop's language, and Retry fetches the texts again.
 */
const textsChunk = (language: string) => new RegExp(`/fanshop-${language}-[\\w-]{8}\\.mjs$`);

test('when the shop’s texts cannot load, the shopper sees the error and Retry loads the shop', async ({ page }) => {
  let fail = true;
  await page.route(textsChunk('en'), (route) => (fail ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The shop could not be loaded');
  await expect(cards(page)).toHaveCount(0);
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForGrid(page);
  await expect(cards(page)).toHaveCount(31);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('when the texts and the catalog both cannot load, Retry loads both', async ({ page }) => {
  let fail = true;
  await page.route(textsChunk('de'), (route) => (fail ? route.abort('internetdisconnected') : route.fallback()));
  await page.route(isCatalog, (route) => (fail ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto('/shop?locale=de');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Der Shop konnte nicht geladen werden');
  fail = false;
  await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
  await waitForGrid(page);
  await expect(cards(page)).toHaveCount(31);
  await expect(page.getByRole('button', { name: 'In den Warenkorb' }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
