import { expect, snap, test } from './fixtures';

/**
 * A product's own page, `/p/<id>`: the address shared links point to. With JavaScript it is the
 * shop opened at that product; without, the same product as plain HTML (what crawlers read).
 */

test.describe('with JavaScript', () => {
  test('opens the shop at the product, hiding the plain copy, under the strict CSP', async ({ page, consoleErrors }) => {
    // CSP violations are reported to the page as events; the JSON-LD block must not cause one.
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto('/p/nordlicht-hoodie');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const detail = page.locator('[data-detail]');
    await expect(detail.getByRole('heading', { level: 1, name: 'Nordlicht hoodie' })).toBeVisible();
    // The no-JavaScript copy sits inside the widget's element, under its shadow root: not shown.
    await expect(page.locator('article.product')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Nordlicht hoodie' })).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await snap(page, 'product-page-js-1280', { fullPage: false });

    // Back to products leaves the product page for the grid.
    await detail.getByRole('button', { name: 'Back to products' }).click();
    await expect(page.locator('article[part="card"]').first()).toBeVisible();
  });

  test('speaks the page’s language', async ({ page, consoleErrors }) => {
    await page.goto('/p/enamel-mug-limited?locale=de');
    await expect(page.locator('[data-detail]').getByRole('heading', { level: 1, name: 'Emaillebecher, limitierte Auflage' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the widget’s product view, and keeps the plain copy for readers without declarative shadow DOM', async ({ page }) => {
    const response = await page.goto('/p/nordlicht-hoodie');
    // Chromium attaches the declarative shadow root without JavaScript: the widget's own view.
    const detail = page.locator('[data-detail]');
    await expect(detail.getByRole('heading', { level: 1, name: 'Nordlicht hoodie' })).toBeVisible();
    const image = detail.getByRole('img', { name: 'An ice blue hoodie with a darker hood, white drawstrings and a front pocket' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(detail.locator('[part="price"]')).toHaveText(/€\d/);
    await expect(detail.getByText('The cut is regular and true to size.', { exact: false })).toBeVisible();
    // The plain copy in the div's light DOM is not shown (the shadow root has no slot) but is in
    // the HTML for browsers, crawlers and reader modes that do not attach it.
    await expect(page.locator('article.product')).toBeHidden();
    const html = await response!.text();
    expect(html).toContain('<h1>Nordlicht hoodie</h1>');
    expect(html).toContain('<a href="/shop">See all products</a>');
  });

  test('is a 404 page with a link to the shop for an unknown product', async ({ page }) => {
    const response = await page.goto('/p/no-such-product', { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Product not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all products' })).toBeVisible();
  });

  for (const width of [320, 520, 1280]) {
    test(`looks right at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/p/nordlicht-hoodie`);
      await expect(page.getByRole('heading', { level: 1, name: 'Nordlicht hoodie' })).toBeVisible();
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await snap(page, `product-page-nojs-${width}`);
      await page.goto(`/p/enamel-mug-limited?locale=de`);
      await expect(page.locator('[data-detail] [part="stock-note"]')).toHaveText('Ausverkauft');
      await expect(page.locator('[data-detail]').getByRole('button', { name: 'Benachrichtigen' })).toBeVisible();
      await snap(page, `product-page-nojs-sold-out-de-${width}`);
    });
  }
});
