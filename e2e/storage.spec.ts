import type { Page } from '@playwright/test';
import { CART_KEY, card, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';

/**
 * The cart lives in localStorage, which may be blocked (third-party frames, privacy modes) or
 * hold anything at all. None of that may break the shop or reach the shopper as an error.
 */

/** Puts `value` under the cart key before any script of the page runs (first load only). */
async function storeCart(page: Page, value: string) {
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, value);
    },
    { key: CART_KEY, value },
  );
}

/**
 * Counts reads of the saved cart, so a test knows the shop has looked at it (it restores the
 * cart just after the grid is painted) before asserting what it made of it.
 */
async function countCartReads(page: Page) {
  await page.addInitScript((key) => {
    const getItem = Storage.prototype.getItem;
    (window as unknown as { cartReads: number }).cartReads = 0;
    Storage.prototype.getItem = function (this: Storage, k: string) {
      if (k === key) (window as unknown as { cartReads: number }).cartReads++;
      return getItem.call(this, k);
    };
  }, CART_KEY);
}

async function cartWasRead(page: Page) {
  await expect.poll(() => page.evaluate(() => (window as unknown as { cartReads: number }).cartReads)).toBeGreaterThan(0);
}

async function savedCart(page: Page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), CART_KEY);
}

test('with localStorage blocked the shop loads, the cart works and nothing is logged as an error', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  const access = await page.evaluate(() => {
    try {
      return typeof window.localStorage;
    } catch (error) {
      return (error as DOMException).name;
    }
  });
  expect(access).toBe('SecurityError');
  await waitForGrid(page);
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('2');
  await cartButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Cart' }).locator('li[part="cart-line"]')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

const garbage: [string, string][] = [
  ['text that is not JSON', '{"v":1,"lines":[{'],
  ['JSON of the wrong shape', JSON.stringify({ v: 1, lines: [{ productId: 42, quantity: 'lots' }] })],
  ['a cart of an unknown format version', JSON.stringify({ v: 99, lines: [{ productId: 'bircher-muesli-mix', variantId: null, quantity: 1, unitPrice: 590, title: 'x' }] })],
];

for (const [what, value] of garbage) {
  test(`with ${what} saved as the cart, the shop loads with an empty cart that works`, async ({ page, consoleErrors }) => {
    await storeCart(page, value);
    await countCartReads(page);
    await page.goto('/');
    await waitForGrid(page);
    await cartWasRead(page);
    await expect(cartCount(page)).toHaveText('0');
    await expect(page.locator('[part="notice"]')).toHaveCount(0);

    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await expect(cartCount(page)).toHaveText('1');
    expect(await savedCart(page)).toMatchObject({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1, unitPrice: 590 }] });
    await page.reload();
    await expect(cartCount(page)).toHaveText('1');
    expect(consoleErrors).toEqual([]);
  });
}

test('a saved cart is checked against the catalog: changed prices and vanished products are told and corrected', async ({ page, consoleErrors }) => {
  await storeCart(
    page,
    JSON.stringify({
      v: 1,
      lines: [
        // The muesli cost €4.90 when it was added; the catalog now says €5.90.
        { productId: 'bircher-muesli-mix', variantId: null, quantity: 2, unitPrice: 490, title: 'Bircher muesli mix' },
        // A product the merchant has since removed from the catalog.
        { productId: 'winter-spice-blend', variantId: null, quantity: 1, unitPrice: 990, title: 'Winter spice blend' },
      ],
    }),
  );
  await page.goto('/');
  await waitForGrid(page);
  const notices = page.locator('[part="notice"]');
  await expect(notices.filter({ hasText: 'The price of Bircher muesli mix changed from €4.90 to €5.90.' })).toBeVisible();
  await expect(notices.filter({ hasText: 'Winter spice blend is no longer available and was removed from your cart.' })).toBeVisible();
  await expect(cartCount(page)).toHaveText('2');

  await cartButton(page).click();
  const drawer = page.getByRole('dialog', { name: 'Cart' });
  await expect(drawer.locator('li[part="cart-line"]')).toHaveCount(1);
  await expect(drawer.locator('li[part="cart-line"]')).toContainText('Bircher muesli mix');
  await expect(drawer.locator('[data-subtotal]')).toHaveText('€11.80');
  await page.keyboard.press('Escape');

  // The corrected cart is saved, so the next visit does not tell the same story again.
  expect(await savedCart(page)).toMatchObject({ v: 1, lines: [{ productId: 'bircher-muesli-mix', quantity: 2, unitPrice: 590 }] });
  expect((await savedCart(page)).lines).toHaveLength(1);
  await notices.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(1);
  await page.reload();
  await waitForGrid(page);
  await expect(cartCount(page)).toHaveText('2');
  await expect(notices).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
