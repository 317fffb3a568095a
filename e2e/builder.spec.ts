import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { FrameLocator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { card, cards, expect, snap, test, waitForGrid } from './fixtures';
import { ownServer } from './own-server';
import { specPort } from './ports';

/**
 * The embed builder (src/studio/builder, issue 11): change the look, see the preview change,
 * copy the snippet, paste it into a blank page on another origin, and see that shop with that
 * look. The shop is a server of the spec's own (offset 19) that allows the blank page's origin
 * (offset 18), as the builder tells the merchant to set up.
 */
const blankOrigin = `http://localhost:${specPort(18)}`;
const PASSWORD = 'e2e builder password 41d9';
const { origin: shopOrigin } = ownServer(19, readFileSync('public/catalog.json', 'utf8'), {
  FANSHOP_ALLOWED_ORIGINS: `http://localhost:${specPort(19)},${blankOrigin}`,
  FANSHOP_ADMIN_PASSWORD: PASSWORD,
});

/** What was pasted into the blank page, which it serves as its body. */
let pasted = '';
let blank: Server | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  blank = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My page</title></head><body>${pasted}</body></html>`);
  });
  await new Promise<void>((resolve) => blank!.listen(specPort(18), '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => blank?.close(resolve));
});

/** Logs in to the studio (`/studio`, its own bundle) and opens its Builder section. */
async function openBuilder(page: Page) {
  await page.goto(`${shopOrigin}/studio#/builder`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Embed your shop' })).toBeVisible();
  await waitForGrid(page);
}

const addToCart = (page: Page) => card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' });

for (const way of ['element', 'script'] as const) {
  test(`the builder's ${way} snippet, pasted into a blank page on another site, shows the shop in the chosen look`, async ({ page, context, browser, consoleErrors }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shopOrigin });
    await openBuilder(page);
    // Before the password, the studio's page and its session answer 401 (studio/guard.ts), which
    // the browser logs; nothing else may have gone wrong.
    expect(consoleErrors.filter((e) => !e.includes('status of 401 (Unauthorized)'))).toEqual([]);
    consoleErrors.length = 0;
    await expect(addToCart(page)).toHaveCSS('background-color', 'rgb(15, 92, 192)');

    // The look changes in the preview as the controls move.
    await page.getByLabel('Accent colour').fill('#c0392b');
    await expect(addToCart(page)).toHaveCSS('background-color', 'rgb(192, 57, 43)');
    await page.getByLabel('Corner radius').selectOption('0px');
    await expect(addToCart(page)).toHaveCSS('border-radius', '0px');
    await page.getByLabel('Language').selectOption('de');
    await expect(card(page, 'Bircher-Müsli Mischung').getByRole('button', { name: 'In den Warenkorb' })).toHaveCSS('background-color', 'rgb(192, 57, 43)');

    await page.getByRole('radio', { name: way === 'element' ? /Custom element/ : /Script tag/ }).check();
    await page.getByLabel('Address of the page the shop goes on').fill(`${blankOrigin}/`);
    await expect(page.getByRole('listitem').filter({ hasText: `FANSHOP_ALLOWED_ORIGINS=${blankOrigin}` })).toBeVisible();

    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.locator('.fsb-copy').getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByRole('textbox', { name: 'Snippet for your page' }).inputValue());
    expect(copied).toContain(way === 'element' ? `<fanshop-shop catalog="${shopOrigin}/catalog.json"` : `src="${shopOrigin}/fanshop.js"`);
    expect(consoleErrors).toEqual([]);

    // Pasted into a blank page of another origin, in another browser profile: the shop, in that look.
    pasted = copied;
    const merchant = await browser.newPage();
    const merchantErrors: string[] = [];
    merchant.on('console', (m) => m.type() === 'error' && merchantErrors.push(m.text()));
    await merchant.goto(`${blankOrigin}/`);
    await waitForGrid(merchant);
    await expect(cards(merchant)).toHaveCount(31);
    const buy = card(merchant, 'Bircher-Müsli Mischung').getByRole('button', { name: 'In den Warenkorb' });
    await expect(buy).toHaveCSS('background-color', 'rgb(192, 57, 43)');
    await expect(buy).toHaveCSS('border-radius', '0px');
    // The origin the builder said to allow is allowed: a like reaches the shop's server.
    const like = card(merchant, 'Bircher-Müsli Mischung').locator('[part="like-button"]');
    const liked = merchant.waitForResponse((r) => r.url().startsWith(`${shopOrigin}/api/likes`) && r.request().method() !== 'OPTIONS');
    await like.click();
    expect((await liked).ok()).toBe(true);
    expect(merchantErrors).toEqual([]);
    await merchant.close();
  });
}

test('the iframe way: the framed shop, in the preview and pasted, takes the chosen look from its address', async ({ page, browser }) => {
  await openBuilder(page);
  await page.getByRole('radio', { name: /Iframe/ }).check();
  await page.getByLabel('Accent colour').fill('#c0392b');
  await page.getByLabel('Corner radius').selectOption('0px');
  const buyIn = (frame: FrameLocator) =>
    frame.locator('article[part="card"]').filter({ has: frame.getByRole('heading', { name: 'Bircher muesli mix', exact: true }) }).getByRole('button', { name: 'Add to cart' });
  const buy = buyIn(page.frameLocator('iframe.fsb-frame'));
  await expect(buy).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await expect(buy).toHaveCSS('border-radius', '0px');
  const snippet = await page.getByRole('textbox', { name: 'Snippet for your page' }).inputValue();
  expect(snippet).toContain('/shop?theme-primary=%23c0392b&amp;theme-radius=0px');

  pasted = snippet;
  const merchant = await browser.newPage();
  await merchant.goto(`${blankOrigin}/`);
  await expect(buyIn(merchant.frameLocator('iframe'))).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await merchant.close();
});

test('the builder has no accessibility problems axe can find', async ({ page }) => {
  await openBuilder(page);
  // The controls, the snippet, the warnings and the shop in the preview.
  await page.getByLabel('Address of the page the shop goes on').fill('https://www.example.com/shop');
  const { violations } = await new AxeBuilder({ page }).include('#studio').analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

for (const width of [320, 520, 1280]) {
  test(`screenshot: the builder at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1000 });
    await openBuilder(page);
    await page.getByLabel('Accent colour').fill('#c0392b');
    await page.getByLabel('Address of the page the shop goes on').fill('https://www.example.com/shop');
    await expect(addToCart(page)).toHaveCSS('background-color', 'rgb(192, 57, 43)');
    await snap(page, `builder-${width}`);
    await page.getByRole('region', { name: 'Preview' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/builder-${width}-preview.png` });
  });
}
