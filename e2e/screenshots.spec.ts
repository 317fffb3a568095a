import type { Page } from '@playwright/test';
import { cartButton, CART_KEY, expect, loadAllImages, snap, test, waitForGrid } from './fixtures';

/**
 * Full-page screenshots of every view at phone (320), Facebook-tab (520) and desktop (1280)
 * widths, saved to test-results/screenshots/ for people to look at (STYLE.md habit 10). The
 * assertions only make sure each view is really on screen before it is captured.
 */

const widths = [320, 520, 1280];

const views: Record<string, (page: Page) => Promise<void>> = {
  async grid(page) {
    await page.goto('/');
    await waitForGrid(page);
    await loadAllImages(page);
  },
  async detail(page) {
    await page.goto('/#/p/organic-cotton-tshirt');
    await expect(page.locator('[data-detail]').getByRole('heading', { name: 'Organic cotton T-shirt' })).toBeFocused();
    await loadAllImages(page);
  },
  async cart(page) {
    await page.addInitScript((key) => {
      localStorage.setItem(
        key,
        JSON.stringify({
          v: 1,
          lines: [
            { productId: 'organic-cotton-tshirt', variantId: 'tshirt-m-navy', quantity: 1, unitPrice: 2900, title: 'Organic cotton T-shirt' },
            { productId: 'bircher-muesli-mix', variantId: null, quantity: 2, unitPrice: 590, title: 'Bircher muesli mix' },
          ],
        }),
      );
    }, CART_KEY);
    await page.goto('/');
    await waitForGrid(page);
    await cartButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Cart' });
    await expect(dialog.locator('li[part="cart-line"]')).toHaveCount(2);
    await expect(dialog.locator('[data-subtotal]')).toHaveText('€40.80');
    await loadAllImages(page);
  },
  async frame(page) {
    await page.goto('/frame');
    const iframe = page.locator('[data-fanshop-frame] iframe');
    const shop = iframe.contentFrame();
    await expect(shop.locator('article[part="card"]')).toHaveCount(31);
    // Captured once the loader has sized the iframe to the shop.
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(1500);
    const frame = await (await iframe.elementHandle())!.contentFrame();
    await loadAllImages(frame!);
  },
  async error(page) {
    await page.route(
      (url) => url.pathname === '/catalog.json',
      (route) => route.fulfill({ status: 500, body: '' }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('The shop could not be loaded');
  },
  // The shop's own texts could not load: the error state speaks with the few words it carries.
  async 'texts-error'(page) {
    await page.route(/\/fanshop-de-[\w-]{8}\.mjs$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/shop?locale=de');
    await expect(page.getByRole('alert')).toContainText('Der Shop konnte nicht geladen werden');
  },
};

for (const [view, show] of Object.entries(views)) {
  for (const width of widths) {
    test(`the ${view} view is captured at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await show(page);
      await snap(page, `${view}-${width}`);
      // The open cart is a modal over the window: also keep what the shopper actually sees.
      if (view === 'cart') await snap(page, `${view}-${width}-window`, { fullPage: false });
    });
  }
}
