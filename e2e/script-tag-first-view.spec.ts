import type { Page } from '@playwright/test';
import { card, cards, cartButton, cartCount, CART_KEY, expect, holdWidget, hostPage, hydrated, snap, test } from './fixtures';

/**
 * The script tag with its Fanshop server (src/widget/embed.ts): the loader asks for the catalog
 * with the shop's first view ahead of it (server/pages/first-view.ts `embedFirstView`), shows it
 * before fanshop.mjs is even asked for, and the widget hydrates those nodes with the envelope
 * from the same answer (mount.ts, shop/hydrate.ts): nothing is rendered twice, nothing moves,
 * and what the shopper did meanwhile is done.
 */

/**
 * How many different root sections the shop's shadow root has held: 1 when the widget hydrated
 * the loader's (hydration may move that same node before the stylesheet's link, which counts once).
 */
async function countRoots(page: Page) {
  await page.addInitScript(() => {
    const seen = new Set<Node>();
    (window as unknown as { roots: Set<Node> }).roots = seen;
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('section.root')) seen.add(n);
      }).observe(root, { childList: true });
      return root;
    };
  });
}
const roots = (page: Page) => page.evaluate(() => (window as unknown as { roots: Set<Node> }).roots.size);

test('the first cards show before fanshop.mjs is asked for, and the widget takes those same nodes over', async ({ page, consoleErrors }) => {
  await countRoots(page);
  const release = await holdWidget(page);
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(cards(page).first()).toBeVisible();
  await expect(cards(page)).toHaveCount(31);
  // Styled already: square images from the first view's stylesheet.
  const box = (await cards(page).first().locator('img').boundingBox())!;
  expect(Math.abs(box.width - box.height)).toBeLessThan(2);
  // Tag a node: hydration keeps it.
  await cards(page).first().evaluate((el) => el.setAttribute('data-tagged', 'yes'));
  const before = await card(page, 'Decaf Colombia Huila').boundingBox();
  release();
  await hydrated(page);
  await expect(cards(page).first()).toHaveAttribute('data-tagged', 'yes');
  expect(await roots(page)).toBe(1);
  // The catalog came once, with the view.
  expect(asked.filter((p) => p === '/catalog.json')).toHaveLength(1);
  // Nothing moved.
  expect(await card(page, 'Decaf Colombia Huila').boundingBox()).toEqual(before);
  // The shop works on them: Add to cart, and the cart survives a reload.
  await card(page, 'Decaf Colombia Huila').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  // Saved by the cart keeper, which comes right after the first paint (cart/keeper.ts).
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), CART_KEY)).toContain('decaf-colombia-huila');
  await page.reload();
  await expect(cartCount(page)).toHaveText('1');
  expect(consoleErrors).toEqual([]);
});

test('a tap on the loader’s first view before the widget is in is done once it is', async ({ page }) => {
  const release = await holdWidget(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await card(page, 'Decaf Colombia Huila').getByRole('button', { name: 'Add to cart' }).click();
  release();
  await hydrated(page);
  await expect(cartCount(page)).toHaveText('1');
  // And kept: the cart keeper saves it.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), CART_KEY)).toContain('decaf-colombia-huila');
});

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('a page without lang gets the German first view, hydrated, with German prices', async ({ page }) => {
    await countRoots(page);
    await hostPage(page, '/ohne-lang.html', '<div data-fanshop data-catalog="/catalog.json"></div><script src="/fanshop.js" async></script>', { lang: '' });
    const release = await holdWidget(page);
    await page.goto('/ohne-lang.html', { waitUntil: 'domcontentloaded' });
    await expect(card(page, 'Entkoffeiniert Kolumbien Huila').getByRole('button', { name: 'In den Warenkorb' })).toBeVisible();
    await expect(card(page, 'Entkoffeiniert Kolumbien Huila')).toContainText('13,90');
    release();
    await hydrated(page);
    expect(await roots(page)).toBe(1);
    await card(page, 'Entkoffeiniert Kolumbien Huila').getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect(cartCount(page)).toHaveText('1');
    await snap(page, 'script-tag-first-view-de');
  });
});

test('the merchant’s theme from data-* shows in the first view, and the widget hydrates it', async ({ page }) => {
  await countRoots(page);
  await hostPage(
    page,
    '/themed.html',
    '<div data-fanshop data-theme-radius="0px"></div><script src="/fanshop.js" data-catalog="/catalog.json" data-theme-primary="rgb(170, 0, 0)" data-show-title="false" async></script>',
  );
  const release = await holdWidget(page);
  await page.goto('/themed.html', { waitUntil: 'domcontentloaded' });
  const button = card(page, 'Decaf Colombia Huila').getByRole('button', { name: 'Add to cart' });
  await expect(button).toHaveCSS('background-color', 'rgb(170, 0, 0)');
  await expect(button).toHaveCSS('border-radius', '0px');
  await expect(page.locator('[data-fanshop] .shop-title')).toHaveCount(0);
  release();
  await hydrated(page);
  expect(await roots(page)).toBe(1);
  await expect(button).toHaveCSS('background-color', 'rgb(170, 0, 0)');
});

test('options changed before the widget is in: the widget renders the shop afresh from them, once', async ({ page }) => {
  await countRoots(page);
  const release = await holdWidget(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(card(page, 'Decaf Colombia Huila').getByRole('button', { name: 'Add to cart' })).toBeVisible();
  // The page's own script switches the shop to German before the widget mounts.
  await page.locator('[data-fanshop]').evaluate((el) => el.setAttribute('data-locale', 'de'));
  release();
  await expect(card(page, 'Entkoffeiniert Kolumbien Huila').getByRole('button', { name: 'In den Warenkorb' })).toBeVisible();
  await expect(page.locator('[data-fanshop]').locator('section.root')).toHaveCount(1);
  expect(await roots(page)).toBe(2);
});

test('a catalog answer that fails is told with Retry, and Retry brings the shop', async ({ page }) => {
  let fail = true;
  await page.route(/\/catalog\.json\?/, (route) => (fail ? route.abort('connectionreset') : route.continue()));
  await page.goto('/');
  const retry = page.locator('[data-fanshop]').getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  fail = false;
  await retry.click();
  await expect(cards(page)).toHaveCount(31);
  await expect(cartButton(page)).toBeVisible();
});

test('a catalog from another origin loads in parallel with fanshop.mjs, which renders the shop', async ({ page, request }) => {
  // The merchant's file on static hosting elsewhere: no first view is asked of it.
  const file = await (await request.get('/catalog.json')).text();
  await hostPage(page, '/elsewhere.html', '<div data-fanshop data-catalog="https://static.example/shop/catalog.json"></div><script src="/fanshop.js" async></script>');
  await page.route('https://static.example/shop/images/**', (route) => route.fulfill({ status: 404 }));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await page.route('https://static.example/shop/catalog.json?**', async (route) => {
    asked.push(route.request().url());
    await held;
    await route.fulfill({ body: file, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' } });
  });
  const widget = page.waitForRequest('**/fanshop.mjs');
  await page.goto('/elsewhere.html', { waitUntil: 'domcontentloaded' });
  // fanshop.mjs is asked for while the catalog is still on its way.
  await widget;
  expect(asked).toHaveLength(1);
  expect(new URL(asked[0]!).searchParams.has('view')).toBe(false);
  release();
  await expect(cards(page)).toHaveCount(31);
});
