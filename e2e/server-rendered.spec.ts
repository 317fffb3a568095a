import { card, cards, cartButton, cartCount, CART_KEY, expect, holdWidget, hydrated, snap, test } from './fixtures';

/**
 * The pages Facebook traffic lands on (/shop, the Page tab, /p/<id>) send the widget's first view
 * as HTML in a declarative shadow root (src/server/pages/first-view.ts), and the widget hydrates
 * it (src/widget/shop/hydrate.ts): the same nodes stay, the same journeys work, nothing moves.
 */

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/shop shows the grid, styled, with its first card', async ({ page }) => {
    await page.goto('/shop');
    await expect(cards(page).first()).toBeVisible();
    await expect(card(page, 'Nordlicht espresso blend').getByRole('button', { name: 'Add to cart' })).toBeVisible();
    await expect(cards(page)).toHaveCount(31);
    // The linked stylesheet applies inside the shadow root: a grid of square images.
    const image = cards(page).first().locator('img');
    const box = (await image.boundingBox())!;
    expect(Math.abs(box.width - box.height)).toBeLessThan(2);
  });

  test('/p/<id> shows the widget’s product view', async ({ page }) => {
    const response = await page.goto('/p/nordlicht-hoodie');
    const detail = page.locator('[data-detail]');
    await expect(detail.getByRole('heading', { level: 1, name: 'Nordlicht hoodie' })).toBeVisible();
    await expect(detail.locator('.price')).toHaveText(/€\d/);
    await expect(detail.getByText('The cut is regular and true to size.', { exact: false })).toBeVisible();
    // The grid behind it is there for the widget, hidden; the plain copy is for readers without
    // declarative shadow DOM, and not shown here.
    await expect(cards(page).first()).toBeHidden();
    await expect(page.locator('article.product')).toBeHidden();
    expect(await response!.text()).toContain('<article class="product">');
  });

  test('/p/<id> shows its colour swatches in their colours under the strict CSP', async ({ page }) => {
    await page.goto('/p/stoneware-mug');
    const detail = page.locator('[data-detail]');
    const swatches = detail.locator('[part="swatch"]');
    await expect(swatches).toHaveCount(3);
    // The catalog's colours (#d8c3a5, #2f3e4e, #6f9a7c): an SVG fill, which the CSP allows.
    await expect(swatches.nth(0).locator('circle')).toHaveCSS('fill', 'rgb(216, 195, 165)');
    await expect(swatches.nth(1).locator('circle')).toHaveCSS('fill', 'rgb(47, 62, 78)');
    await expect(swatches.nth(2).locator('circle')).toHaveCSS('fill', 'rgb(111, 154, 124)');
    for (const width of [320, 520, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await snap(page, `server-rendered-no-js-product-${width}`);
    }
  });
});

test('hydration keeps the server’s cards: Add to cart works on them and the cart survives a reload', async ({ page, consoleErrors }) => {
  // The strict CSP reports what it blocks: no inline style or script in the server's HTML.
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const release = await holdWidget(page);
  await page.goto('/shop');
  const first = card(page, 'Decaf Colombia Huila');
  await expect(first).toBeVisible();
  // Tag the server's node before the widget runs; after hydration it must be the same node.
  await first.evaluate((el) => ((el as unknown as { tag: string }).tag = 'from the server'));
  release();
  await hydrated(page);
  expect(await first.evaluate((el) => (el as unknown as { tag?: string }).tag)).toBe('from the server');
  await first.getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  expect(await first.evaluate((el) => (el as unknown as { tag?: string }).tag)).toBe('from the server');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), CART_KEY)).toContain('decaf-colombia-huila');

  await page.reload();
  await hydrated(page);
  await expect(cartCount(page)).toHaveText('1');
  await cartButton(page).click();
  await expect(page.getByRole('dialog').getByText('Decaf Colombia Huila')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a tap and a search made before the widget is in are done once it is: nothing the shopper did is lost', async ({ page, consoleErrors }) => {
  const release = await holdWidget(page);
  await page.goto('/shop');
  const decaf = card(page, 'Decaf Colombia Huila');
  // The server's button and search box, with only the loader (fanshop.js) running.
  await decaf.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('searchbox', { name: 'Search products' }).fill('tea');
  await expect(cartCount(page)).not.toHaveText('1');
  release();
  await hydrated(page);
  await expect(cartCount(page)).toHaveText('1');
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('tea');
  await expect(page.locator('[part="count"]')).not.toHaveText('31 products');
  await expect(card(page, 'Earl Grey with bergamot')).toBeVisible();
  await expect(card(page, 'Nordlicht espresso blend')).toHaveCount(0);
  // Once in, a tap is the widget's alone: not done twice.
  await card(page, 'Earl Grey with bergamot').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('2');
  expect(consoleErrors).toEqual([]);
});

test('a like after hydration shows at once', async ({ page, consoleErrors }) => {
  await page.goto('/shop');
  await hydrated(page);
  const like = card(page, 'Rooibos vanilla').getByRole('button', { name: /^Like/ });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, 'Rooibos vanilla').locator('[data-like-count]')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a #/p/<id> deep link opens the product after the server’s grid is hydrated, and Back closes it', async ({ page, consoleErrors }) => {
  const events: string[] = [];
  await page.exposeFunction('seen', (name: string) => events.push(name));
  await page.addInitScript(() => document.addEventListener('fanshop:view_item', () => (window as unknown as { seen(n: string): void }).seen('view_item')));
  await page.goto('/shop#/p/japanese-sencha');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'Japanese sencha' })).toBeVisible();
  await expect(cards(page).first()).toBeHidden();
  await expect.poll(() => events).toContain('view_item');
  await detail.getByRole('button', { name: 'Back to products' }).click();
  await expect(cards(page).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the server renders German labels and the widget keeps them', async ({ page, consoleErrors }) => {
    const release = await holdWidget(page);
    await page.goto('/shop');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const mug = page.locator('article[data-product-id="decaf-colombia-huila"]');
    await expect(mug.getByRole('button', { name: 'In den Warenkorb' })).toBeVisible();
    await expect(cartButton(page)).toContainText('Warenkorb');
    await mug.evaluate((el) => ((el as unknown as { tag: string }).tag = 'from the server'));
    release();
    await hydrated(page);
    await mug.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect(cartCount(page)).toHaveText('1');
    expect(await mug.evaluate((el) => (el as unknown as { tag?: string }).tag)).toBe('from the server');
    await expect(page.getByRole('searchbox')).toHaveAttribute('placeholder', /Suche/);
    expect(consoleErrors).toEqual([]);
  });
});

test('/p/<id> is hydrated in place: the same product view, and Add to cart works', async ({ page, consoleErrors }) => {
  const release = await holdWidget(page);
  await page.goto('/p/decaf-colombia-huila');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { level: 1, name: 'Decaf Colombia Huila' })).toBeVisible();
  await detail.evaluate((el) => ((el as unknown as { tag: string }).tag = 'from the server'));
  release();
  // The product view's Like and Share arrive after hydration, in the box kept for them.
  await expect(detail.getByRole('button', { name: /^Like/ })).toBeVisible();
  expect(await detail.evaluate((el) => (el as unknown as { tag?: string }).tag)).toBe('from the server');
  await detail.getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  expect(consoleErrors).toEqual([]);
});

/**
 * Cumulative Layout Shift from navigation until the shop has settled (hydrated, the Cart button
 * restored, Like and Share and the like counts in), as Chromium reports it: the sum of
 * `layout-shift` entries without recent input (https://web.dev/articles/cls).
 */
for (const locale of ['en-US', 'de-DE']) {
  for (const width of [320, 520, 1280]) {
    test(`no layout shift on a server-rendered /shop at ${width}px (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/shop');
      await hydrated(page);
      await expect(page.locator('[part="like-button"]').first()).toBeVisible();
      await expect(page.locator('[data-like-count]').first()).toBeAttached();
      await page.waitForTimeout(800);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      const cls = shifts.reduce((a, b) => a + b, 0);
      console.log(`[server-rendered] CLS /shop ${width}px ${locale}: ${cls.toFixed(4)} (${shifts.length} shifts)`);
      expect(cls).toBeLessThan(0.05);
      await context.close();
    });
  }
}
