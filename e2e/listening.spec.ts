import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { card, cartButton, expect, hydrated, payOnTestStripe, snap, test, waitForGrid } from './fixtures';
import { ownServer } from './own-server';
import type { InsightsResponse } from '../src/core/api/insights';

/**
 * Listening (issue 11): what fans do in the built shop reaches the server as the widget's
 * beacon sends it, and the studio shows exactly that, on its Insights screen and in its numbers
 * (`GET /api/studio/insights`, behind the merchant's login): views, a search that found nothing,
 * a like, an add, a checkout and a paid order. With Global Privacy Control the widget sends
 * nothing at all. On a server of its own (offset 16, an empty database), so the counts are this
 * spec's alone.
 */
test.describe.configure({ mode: 'serial' });
const PASSWORD = 'e2e listening password 9b2e';
const { origin } = ownServer(16, readFileSync('public/catalog.json', 'utf8'), { FANSHOP_ADMIN_PASSWORD: PASSWORD });

const MUESLI = 'Bircher muesli mix';
const GRANOLA = 'Hazelnut oat granola';

/** The studio's numbers, read as the merchant: logged in (its cookie is the page's context's). */
async function numbers(page: Page): Promise<InsightsResponse> {
  let res = await page.request.get(`${origin}/api/studio/insights`);
  if (res.status() === 401) {
    const login = await page.request.post(`${origin}/api/studio/login`, { headers: { Origin: origin }, data: { password: PASSWORD } });
    expect(login.status()).toBe(200);
    res = await page.request.get(`${origin}/api/studio/insights`);
  }
  expect(res.status()).toBe(200);
  return (await res.json()) as InsightsResponse;
}

/** A panel of the Insights screen, its numbers shown as a table (a click away from its chart), as rows of cells. */
async function panel(page: Page, title: string): Promise<string[][]> {
  const section = page.getByRole('region', { name: title });
  const toggle = section.getByRole('button', { name: 'Show numbers' });
  // A panel with a chart has the toggle; a ranking is a table at once.
  if (title === 'Funnel' || title === 'Searches that found nothing') await toggle.click();
  await expect(section.getByRole('table')).toBeVisible();
  return section.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

/**
 * Counts the page's beacons to /api/events, in sessionStorage so that the count survives the
 * way to Stripe and back (Playwright's request events do not show beacons).
 */
async function countBeacons(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const send = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      if (String(url).includes('/api/events')) sessionStorage.setItem('beacons', String(Number(sessionStorage.getItem('beacons') ?? 0) + 1));
      return send(url, data);
    };
  });
  return () => page.evaluate(() => Number(sessionStorage.getItem('beacons') ?? 0));
}

/** The shop as a fan finds it, with the beacon listening (its chunk comes after the first paint). */
async function openShop(page: Page) {
  const listening = page.waitForResponse((r) => /\/fanshop-listen-[\w-]+\.mjs$/.test(r.url()));
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await hydrated(page);
  await listening;
}

/** Views two products, searches for what the shop does not have, and likes one. */
async function browse(page: Page) {
  for (const title of [MUESLI, GRANOLA]) {
    await card(page, title).getByRole('link', { name: title }).click();
    const detail = page.locator('[data-detail]');
    await expect(detail.getByRole('heading', { name: title })).toBeVisible();
    await detail.getByRole('button', { name: 'Back to products' }).click();
  }
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.fill('Unicorn');
  await expect(page.getByText('No products match')).toBeVisible();
  // The widget tells a search once the shopper pauses (500 ms).
  await page.waitForTimeout(800);
  await search.fill('');
  await card(page, MUESLI).getByRole('button', { name: `Like ${MUESLI}` }).click();
  await expect(card(page, MUESLI).getByRole('button', { name: `Like ${MUESLI}` })).toHaveAttribute('aria-pressed', 'true');
}

test('with Global Privacy Control the widget sends nothing, and the studio counts nothing', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  const beacons = await countBeacons(page);
  await openShop(page);
  await browse(page);
  // Longer than a batch waits.
  await page.waitForTimeout(5500);
  expect(await beacons()).toBe(0);
  // Left: when the beacon would send at once.
  await page.goto(`${origin}/product-page.css`);
  expect(await beacons()).toBe(0);
  const body = await numbers(page);
  expect(body.funnel).toEqual({ views: 0, addsToCart: 0, checkouts: 0, purchases: 0 });
  expect(body.zeroResultSearches).toEqual([]);
  expect(body.mostLiked).toEqual([]);
});

test('views, a search with no result, a like and a purchase reach the studio as exactly those counts', async ({ page }) => {
  test.slow();
  const beacons = await countBeacons(page);
  await openShop(page);
  await browse(page);
  await card(page, MUESLI).getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartButton(page)).toContainText('1');
  await cartButton(page).click();
  await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
  await payOnTestStripe(page, '4242 4242 4242 4242');
  await expect(page.getByText(/Thank you! Your order of €5\.90 is confirmed/)).toBeVisible();

  // Sent by navigator.sendBeacon: on leaving for Stripe at the latest (pagehide), and once
  // more if the journey took longer than a batch waits (5 s).
  expect(await beacons()).toBeGreaterThanOrEqual(1);

  // The order is saved by the webhook, the events by the beacon's request: the studio's
  // numbers follow both.
  await expect.poll(async () => (await numbers(page)).funnel).toEqual({ views: 2, addsToCart: 1, checkouts: 1, purchases: 1 });
  const body = await numbers(page);
  expect(body.zeroResultSearches).toEqual([{ query: 'unicorn', count: 1 }]);
  expect(body.mostLiked).toEqual([{ productId: 'bircher-muesli-mix', title: MUESLI, count: 1 }]);
  expect(body.orders).toMatchObject({ count: 1, total: 590, list: [{ total: 590, currency: 'EUR', items: 1 }] });
  expect(body.products.find((p) => p.productId === 'bircher-muesli-mix')).toMatchObject({ views: 1, addsToCart: 1, checkouts: 1, purchases: 1, units: 1, likes: 1 });
  expect(body.products.find((p) => p.productId === 'hazelnut-oat-granola')).toMatchObject({ views: 1, addsToCart: 0, purchases: 0 });

  const csv = await (await page.request.get(`${origin}/api/studio/insights.csv?table=funnel`)).text();
  expect(csv).toBe('step,count\r\nviews,2\r\nadds_to_cart,1\r\ncheckouts,1\r\npurchases,1\r\n');

  // The merchant's screen (the login's cookie is this context's): the same numbers.
  await page.goto(`${origin}/studio#/insights`);
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  // The charts are drawn (uPlot's canvas, its stylesheet adopted: the chart stays in its panel).
  const funnelChart = page.getByRole('region', { name: 'Funnel' }).locator('.insights-chart canvas');
  await expect(funnelChart).toHaveCount(1);
  const [chartBox, nextHeading] = await Promise.all([funnelChart.boundingBox(), page.getByRole('heading', { name: 'Most viewed products' }).boundingBox()]);
  expect(chartBox!.y + chartBox!.height).toBeLessThanOrEqual(nextHeading!.y);
  for (const width of [320, 520, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // Nothing wider than a phone's screen (charts are drawn for the width they get).
    await page.reload();
    await expect(page.getByRole('region', { name: 'Funnel' }).locator('.insights-chart canvas')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await snap(page, `studio-insights-${width}`);
  }
  expect(await panel(page, 'Funnel')).toEqual([['Views', '2'], ['Added to cart', '1'], ['Checkouts', '1'], ['Purchases (paid orders)', '1']]);
  expect(await panel(page, 'Searches that found nothing')).toEqual([['unicorn', '1']]);
  expect(await panel(page, 'Most liked')).toEqual([[MUESLI, '1']]);
  await expect(page.getByRole('region', { name: 'Orders' })).toContainText('1 order, €5.90 in total');
});
