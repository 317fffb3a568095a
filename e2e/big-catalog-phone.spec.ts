import type { Page } from '@playwright/test';
import { card, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';
import { bigCatalogServer } from './own-server';

/**
 * A German fan on a slow phone (the CPU throttled 6x) opens a shared link to one of 2,000
 * products, which the widget was not sent with the first page: the product is asked for by id,
 * bought into the cart, and the cart's line comes back after a reload (asked for by id again
 * before the saved cart is checked), and again after a cancelled checkout.
 */
const { origin } = bigCatalogServer(8);

async function slowPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
}

test('a shared link opens a product the widget was not sent; its cart line comes back after a reload and a cancelled checkout', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await slowPhone(page);
  await page.goto(`${origin}/shop#/p/bircher-muesli-mix-1502`);
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'Bircher-Müsli Mischung' })).toBeVisible();
  await detail.getByRole('button', { name: 'In den Warenkorb' }).click();
  await expect(cartCount(page)).toHaveText('1');

  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await expect(cartCount(page)).toHaveText('1');
  await cartButton(page).click();
  const cart = page.getByRole('dialog', { name: 'Warenkorb' });
  // The cart's line (its "You may also like" row may recommend another of the generated
  // catalog's products of that name, as a link).
  await expect(cart.getByRole('paragraph').filter({ hasText: 'Bircher-Müsli Mischung' })).toBeVisible();

  await cart.getByRole('button', { name: 'Zur Kasse' }).click();
  await expect(page).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
  await page.getByRole('link', { name: 'Abbrechen und zurück zum Shop' }).click();
  await expect(page.getByText('Kasse abgebrochen. Es wurde nichts berechnet; dein Warenkorb ist unverändert.')).toBeVisible();
  await expect(cartCount(page)).toHaveText('1');
  expect(await card(page, 'Bircher-Müsli Mischung').count()).toBeGreaterThan(0);
  await context.close();
});
