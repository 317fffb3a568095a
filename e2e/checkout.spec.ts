import type { Page } from '@playwright/test';
import { card, cartButton, cartCount, expect, payOnTestStripe, test, waitForFramedGrid, waitForGrid } from './fixtures';

/**
 * Checkout against the running server and its local test-mode Stripe (no account, no keys):
 * the cart's Checkout button, Stripe's (stand-in) page, and the way back.
 */
async function addMuesliAndCheckout(page: Page, quantity = 1) {
  await waitForGrid(page);
  for (let i = 0; i < quantity; i++) await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText(String(quantity));
  await cartButton(page).click();
  await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
}

const pay = payOnTestStripe;

test('a shopper pays with the test card and sees the order confirmed with an empty cart', async ({ page }) => {
  await page.goto('/shop');
  await addMuesliAndCheckout(page, 2);
  await expect(page).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
  await expect(page.getByText('€11.80').first()).toBeVisible();
  await pay(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/shop$/);
  await expect(page.getByText(/Thank you! Your order of €11\.80 is confirmed: 2 × Bircher muesli mix/)).toBeVisible();
  await expect(cartCount(page)).toHaveText('0');
  await page.reload();
  await waitForGrid(page);
  await expect(cartCount(page)).toHaveText('0');
});

test('a declined card keeps the shopper on the payment page with a message', async ({ page }) => {
  await page.goto('/shop');
  await addMuesliAndCheckout(page);
  await pay(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('Your card was declined.');
  await expect(page).toHaveURL(/\/_stripe\/c\/pay\//);
});

test('cancelling checkout keeps the cart and says nothing was charged', async ({ page }) => {
  await page.goto('/shop');
  await addMuesliAndCheckout(page);
  await expect(page.getByText('Test mode: no real payment')).toBeVisible();
  await page.getByRole('link', { name: /return to the shop/i }).click();
  await expect(page.getByText('Checkout cancelled. Nothing was charged; your cart is as you left it.')).toBeVisible();
  await expect(cartCount(page)).toHaveText('1');
});

test('from the 520px frame, checkout opens in a new tab', async ({ page, context }) => {
  await page.goto('/frame');
  const frame = page.frameLocator('iframe');
  await waitForFramedGrid(frame);
  await frame.locator('article[part="card"]').filter({ hasText: 'Bircher muesli mix' }).getByRole('button', { name: 'Add to cart' }).click();
  await frame.getByRole('button', { name: /^Cart/ }).click();
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.getByRole('button', { name: 'Checkout' }).click()]);
  await expect(tab).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
  await expect(page).toHaveURL(/\/frame$/);
});

test.describe('in Facebook’s in-app browser', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Mobile Safari/537.36 [FBAN/EMA;FBLC/de_DE;FBAV/450.0.0.0]' });
  test('checkout from the frame navigates the same window instead of a popup', async ({ page, context }) => {
    let popups = 0;
    context.on('page', () => popups++);
    await page.goto('/frame');
    const frame = page.frameLocator('iframe');
    await waitForFramedGrid(frame);
    await frame.locator('article[part="card"]').filter({ hasText: 'Bircher muesli mix' }).getByRole('button', { name: 'Add to cart' }).click();
    await frame.getByRole('button', { name: /^Cart/ }).click();
    await frame.getByRole('button', { name: 'Checkout' }).click();
    await expect(page).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
    expect(popups).toBe(0);
  });
});
