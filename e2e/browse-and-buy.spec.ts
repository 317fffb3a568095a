import { card, cards, cartButton, expect, test, waitForGrid } from './fixtures';

test('a shopper browses, filters, searches, picks a variant and manages the cart', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForGrid(page);
  const total = await cards(page).count();
  expect(total).toBeGreaterThanOrEqual(24);
  await expect(page.getByText(`${total} products`)).toBeVisible();

  // Category filter narrows the grid and says how many are left.
  await page.getByRole('button', { name: 'Tea', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Tea', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const teaCount = await cards(page).count();
  expect(teaCount).toBeGreaterThan(0);
  expect(teaCount).toBeLessThan(total);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(cards(page)).toHaveCount(total);

  // Search ignores case and accents: "musli" finds the Müsli.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('MUSLI');
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search products' }).fill('zzzz-nothing');
  await expect(page.getByText('No products match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards(page)).toHaveCount(total);

  // A product with variants opens the detail view from its card.
  const shirt = cards(page).filter({ has: page.locator('[part~="swatch"], h3') }).filter({ hasText: /shirt|hoodie/i }).first();
  const shirtTitle = (await shirt.getByRole('heading').textContent())!.trim();
  await shirt.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/#\/p\//);
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: shirtTitle })).toBeFocused();

  // Pick another size; unavailable combinations are disabled.
  const sizeGroup = detail.locator('fieldset[data-option="size"]');
  const sizes = sizeGroup.getByRole('button');
  expect(await sizes.count()).toBeGreaterThan(1);
  const enabledSize = sizeGroup.locator('button:not([disabled])').nth(1);
  await enabledSize.click();
  await expect(enabledSize).toHaveAttribute('aria-pressed', 'true');
  await detail.getByRole('button', { name: 'Increase quantity' }).click();
  await detail.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-live]')).toHaveText(`Added to cart: ${shirtTitle}`);
  await expect(cartButton(page)).toContainText('2');

  // Back closes the detail view and returns to the grid.
  await page.goBack();
  await expect(detail).toHaveCount(0);
  await waitForGrid(page);

  // A simple product goes straight in from its card.
  const simple = card(page, /Mug$/).first();
  await simple.getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartButton(page)).toContainText('3');

  // The cart drawer: change quantity, then remove.
  await cartButton(page).click();
  const drawer = page.getByRole('dialog', { name: 'Cart' });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('li[part="cart-line"]')).toHaveCount(2);
  const subtotalBefore = await drawer.locator('[data-subtotal]').textContent();
  await drawer.getByRole('button', { name: 'Increase quantity' }).last().click();
  await expect(drawer.locator('[data-subtotal]')).not.toHaveText(subtotalBefore!);
  await expect(cartButton(page)).toContainText('4');
  await drawer.getByRole('button', { name: new RegExp(`^Remove ${shirtTitle}`) }).click();
  await expect(drawer.locator('li[part="cart-line"]')).toHaveCount(1);

  // A reload keeps the cart.
  await page.reload();
  await waitForGrid(page);
  await expect(cartButton(page)).toContainText('2');
  expect(consoleErrors).toEqual([]);
});

test('deep links open a product and Back closes it', async ({ page }) => {
  await page.goto('/shop?product=bircher-muesli');
  await expect(page.locator('[data-detail] h1')).toBeVisible();
  await page.goto('/shop#/p/bircher-muesli');
  await expect(page.locator('[data-detail] h1')).toBeVisible();
  await page.locator('[data-detail]').getByRole('button', { name: 'Back to products' }).click();
  await waitForGrid(page);
  await expect(page).not.toHaveURL(/#\/p\//);
});

test('a sold-out product cannot be added', async ({ page }) => {
  await page.goto('/');
  await waitForGrid(page);
  const soldOut = cards(page).filter({ has: page.getByRole('button', { name: 'Sold out' }) });
  await expect(soldOut).toHaveCount(1);
  await expect(soldOut.getByRole('button', { name: 'Sold out' })).toBeDisabled();
});
