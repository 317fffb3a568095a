import type { Page } from '@playwright/test';
import { card, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';
import { expectNoViolations } from './axe';

/**
 * axe-core finds no WCAG problems in the shop's three views, at desktop and phone widths. axe
 * looks into open shadow roots; it is pointed at the shop (the host element and everything in
 * its shadow root, the cart dialog included), not at the demo merchant's own page around it.
 */

/** Two lines in the saved cart, so the cart view has quantities, variants and a subtotal. */
async function seedCart(page: Page) {
  await page.addInitScript(() =>
    localStorage.setItem(
      'fanshop:cart:nordlicht',
      JSON.stringify({
        v: 1,
        lines: [
          { productId: 'organic-cotton-tshirt', variantId: 'tshirt-m-navy', quantity: 1, unitPrice: 2900, title: 'Organic cotton T-shirt' },
          { productId: 'bircher-muesli-mix', variantId: null, quantity: 2, unitPrice: 590, title: 'Bircher muesli mix' },
        ],
      }),
    ),
  );
}

for (const width of [1280, 320]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the grid, a product view and the open cart have no axe violations', async ({ page }) => {
      await seedCart(page);
      await page.goto('/');
      await waitForGrid(page);
      await expect(cartCount(page)).toHaveText('3');
      await expectNoViolations(page, 'the grid');

      await page.goto('/#/p/organic-cotton-tshirt');
      await expect(page.locator('[data-detail]').getByRole('heading', { name: 'Organic cotton T-shirt' })).toBeVisible();
      await expectNoViolations(page, 'the product view');

      await cartButton(page).click();
      await expect(page.getByRole('dialog', { name: 'Cart' }).locator('li[part="cart-line"]')).toHaveCount(2);
      await expectNoViolations(page, 'the open cart');
    });
  });
}

test('adding to the cart is announced in the live region', async ({ page }) => {
  await page.goto('/');
  await waitForGrid(page);
  const status = page.getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText('');
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(status).toContainText('Added to cart: Bircher muesli mix');
});
