import type { Page } from '@playwright/test';
import { cartButton, cartCount, expect, focused, test, waitForGrid } from './fixtures';

/**
 * A shopper who uses only the keyboard can do everything: open a product, choose, add, go back,
 * open the cart and close it again, and always sees where the focus is.
 */

type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Presses `key` until the focused element matches, as a keyboard user would; fails after `max`. */
async function pressUntil(page: Page, key: string, matches: (f: Focused) => boolean, max = 40): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && matches(f)) return f;
    seen.push(f ? `${f.tag} "${f.text.slice(0, 30)}"` : '(nothing)');
  }
  throw new Error(`${key} ×${max} never reached the element; focus went through: ${seen.join(', ')}`);
}

function expectVisibleFocus(f: Focused) {
  expect(f.outline, `outline of the focused ${f.tag} "${f.text}"`).not.toBe('none');
}

test('a keyboard-only shopper opens a product, adds it, goes back and uses the cart', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForGrid(page);

  // Tab from the top of the page to the first product's link, and open it with Enter.
  const link = await pressUntil(page, 'Tab', (f) => f.productLink);
  expect(link.text).toBe('Nordlicht espresso blend');
  expectVisibleFocus(link);
  await page.keyboard.press('Enter');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'Nordlicht espresso blend' })).toBeFocused();
  await expect(page).toHaveURL(/#\/p\/espresso-blend$/);

  // Choose the 1 kg bag with Space.
  const size = await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === '1 kg');
  expectVisibleFocus(size);
  await page.keyboard.press('Space');
  await expect(detail.getByRole('button', { name: '1 kg', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(detail.locator('fieldset[data-option="size"] legend')).toHaveText('Size: 1 kg');
  await expect(detail.locator('[part="price-now"]')).toHaveText('€44.90');

  // Add to cart with Enter.
  expectVisibleFocus(await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === 'Add to cart'));
  await page.keyboard.press('Enter');
  await expect(cartCount(page)).toHaveText('1');
  await expect(page.getByRole('status')).toContainText('Added to cart: Nordlicht espresso blend');

  // Back to the grid: focus returns to the product the shopper came from.
  expectVisibleFocus(await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'button' && f.text === 'Back to products'));
  await page.keyboard.press('Enter');
  await expect(detail).toHaveCount(0);
  await expect(page.locator('[data-product-id="espresso-blend"] [data-product-link]')).toBeFocused();

  // Back up to the Cart button and open the cart.
  const cart = await pressUntil(page, 'Shift+Tab', (f) => f.part === 'cart-button');
  expectVisibleFocus(cart);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Cart' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('li[part="cart-line"]')).toHaveCount(1);
  expect((await focused(page))?.inDialog).toBe(true);

  // Tab cycles inside the open cart: focus never reaches the page behind it.
  const visited = new Set<string>();
  for (const [key, times] of [['Tab', 12], ['Shift+Tab', 8]] as const) {
    for (let i = 1; i <= times; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      expect(f?.inDialog, `${key} ×${i} moved focus to ${f ? `${f.tag} "${f.text}"` : 'nothing'}`).toBe(true);
      expectVisibleFocus(f!);
      visited.add(`${f!.tag} ${f!.text}`);
    }
  }
  expect(visited.size).toBeGreaterThanOrEqual(3); // close, quantity controls, remove

  // Escape closes it and focus goes back to the Cart button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cartButton(page)).toBeFocused();
  expectVisibleFocus((await focused(page))!);
  expect(consoleErrors).toEqual([]);
});
