import { card, cards, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';

test('a shopper browses, filters, searches, picks a variant and manages the cart', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForGrid(page);
  const total = await cards(page).count();
  expect(total).toBe(31);
  await expect(page.getByText(`${total} products`)).toBeVisible();

  // Category filter narrows the grid and says how many are left.
  await page.getByRole('button', { name: 'Tea', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Tea', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('8 products')).toBeVisible();
  await expect(cards(page)).toHaveCount(8);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(cards(page)).toHaveCount(total);

  // Search ignores case and accents: "MUSLI" finds the muesli (whose German title has "Müsli").
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.fill('MUSLI');
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, 'Bircher muesli mix')).toBeVisible();
  await search.fill('zzzz-nothing');
  await expect(page.getByText('No products match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards(page)).toHaveCount(total);
  await expect(search).toHaveValue('');

  // A product with variants opens the detail view from its card's button.
  const shirtTitle = 'Organic cotton T-shirt';
  await card(page, shirtTitle).getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/#\/p\/organic-cotton-tshirt$/);
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: shirtTitle })).toBeFocused();

  // Pick another size; combinations that are out of stock are disabled.
  const sizeGroup = detail.locator('fieldset[data-option="size"]');
  await expect(sizeGroup.getByRole('button')).toHaveCount(4);
  const medium = sizeGroup.getByRole('button', { name: 'M', exact: true });
  await medium.click();
  await expect(medium).toHaveAttribute('aria-pressed', 'true');
  await expect(sizeGroup.locator('legend')).toHaveText('Size: M');
  await detail.getByRole('button', { name: 'Increase quantity' }).click();
  await expect(detail.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue('2');
  await detail.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('[data-live]')).toHaveText(`Added to cart: ${shirtTitle}`);
  await expect(cartCount(page)).toHaveText('2');

  // Back closes the detail view and returns to the grid.
  await page.goBack();
  await expect(detail).toHaveCount(0);
  await waitForGrid(page);

  // A product without variants goes straight in from its card.
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('3');
  await expect(page).not.toHaveURL(/#\/p\//);

  // The cart drawer: change quantity, then remove.
  await cartButton(page).click();
  const drawer = page.getByRole('dialog', { name: 'Cart' });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('li[part="cart-line"]')).toHaveCount(2);
  await expect(drawer.locator('[data-subtotal]')).toHaveText('€63.90'); // 2 × €29.00 + €5.90
  await drawer.getByRole('button', { name: 'Increase quantity' }).last().click();
  await expect(drawer.locator('[data-subtotal]')).toHaveText('€69.80');
  await expect(cartCount(page)).toHaveText('4');
  await drawer.getByRole('button', { name: `Remove ${shirtTitle}` }).click();
  await expect(drawer.locator('li[part="cart-line"]')).toHaveCount(1);
  await expect(drawer.locator('[data-subtotal]')).toHaveText('€11.80');

  // A reload keeps the cart.
  await page.reload();
  await waitForGrid(page);
  await expect(cartCount(page)).toHaveText('2');
  expect(consoleErrors).toEqual([]);
});

test('deep links open a product and Back closes it', async ({ page }) => {
  const detailTitle = page.locator('[data-detail]').getByRole('heading', { level: 1, name: 'Bircher muesli mix' });
  await page.goto('/shop?product=bircher-muesli-mix');
  await expect(detailTitle).toBeVisible();
  await page.locator('[data-detail]').getByRole('button', { name: 'Back to products' }).click();
  await waitForGrid(page);
  await expect(page).not.toHaveURL(/product=/);

  await page.goto('/shop#/p/bircher-muesli-mix');
  await expect(detailTitle).toBeVisible();
  await page.locator('[data-detail]').getByRole('button', { name: 'Back to products' }).click();
  await waitForGrid(page);
  await expect(page).not.toHaveURL(/#\/p\//);
});

test('a sold-out product cannot be added: its card offers Notify me', async ({ page }) => {
  await page.goto('/');
  await waitForGrid(page);
  const soldOut = cards(page).filter({ has: page.locator('[part="badge"]', { hasText: 'Sold out' }) });
  await expect(soldOut).toHaveCount(1);
  await expect(soldOut.getByRole('heading')).toHaveText('Limited edition enamel mug');
  await expect(soldOut.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await expect(soldOut.getByRole('button', { name: 'Notify me' })).toBeEnabled();
});

test('choosing a colour shows that colour’s picture', async ({ page }) => {
  await page.goto('/shop#/p/organic-cotton-tshirt');
  const detail = page.locator('[data-detail]');
  const main = detail.locator('[part="gallery-image"]');
  // The view opens at the first combination in stock, and shows its colour.
  await expect(detail.getByRole('button', { name: 'Sand' })).toHaveAttribute('aria-pressed', 'true');
  await expect(main).toHaveAttribute('src', /tshirt-sand\.svg$/);
  await detail.getByRole('button', { name: 'M', exact: true }).click();
  await detail.getByRole('button', { name: 'Navy' }).click();
  await expect(main).toHaveAttribute('src', /tshirt-navy\.svg$/);
  await detail.getByRole('button', { name: 'Sand' }).click();
  await expect(main).toHaveAttribute('src', /tshirt-sand\.svg$/);
  await detail.getByRole('button', { name: 'Forest green' }).click();
  await expect(main).toHaveAttribute('src', /tshirt-forest\.svg$/);
  // A thumbnail still shows any picture, whatever is chosen.
  await detail.getByRole('button', { name: 'Show image 2 of 3' }).click();
  await expect(main).toHaveAttribute('src', /tshirt-sand\.svg$/);
});
