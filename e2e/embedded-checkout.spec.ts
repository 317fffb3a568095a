import { card, cartButton, cartCount, expect, payOnTestStripe, snap, test, waitForFramedGrid, waitForGrid } from './fixtures';

/**
 * A server set up for Stripe's embedded checkout (FANSHOP_CHECKOUT_UI=embedded, see
 * playwright.config.ts): the form opens in a dialog on the shop's page, and Stripe.js (here the
 * local test mode's stand-in, loaded through @stripe/stripe-js's loadStripe) arrives only then.
 */
const embeddedPort = Number(process.env.E2E_PORT ?? 8790) + 1;
test.use({ baseURL: `http://localhost:${embeddedPort}` });

async function openEmbeddedCheckout(page: import('@playwright/test').Page) {
  await waitForGrid(page);
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  await cartButton(page).click();
  await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
  const dialog = page.getByRole('dialog', { name: 'Secure checkout' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the shopper pays in the dialog and the whole page returns to the confirmation', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/shop');
  await waitForGrid(page);
  // Nothing of Stripe before the shopper starts checkout.
  expect(requested.filter((p) => /stripe|Embedded/i.test(p))).toEqual([]);

  const dialog = await openEmbeddedCheckout(page);
  const form = page.frameLocator('iframe[title="Secure checkout"]');
  await expect(form.getByText('Test mode: no real payment')).toBeVisible();
  expect(requested).toContain('/_stripe/js/stripe.js');
  expect(requested.some((p) => /fanshop-embedded-\w+\.mjs$/.test(p))).toBe(true);
  await expect(page).toHaveURL(/\/shop$/);
  await expect(form.getByText('€5.90').first()).toBeVisible();
  await payOnTestStripe(form, '4000 0000 0000 0002');
  await expect(form.getByRole('alert')).toContainText('Your card was declined.');
  await expect(dialog).toBeVisible();

  await form.locator('input[name=number]').fill('4242 4242 4242 4242');
  await form.locator('input[name=cvc]').fill('123');
  await form.getByRole('button', { name: /^Pay/ }).click();
  await expect(page.getByText(/Thank you! Your order of €5\.90 is confirmed: Bircher muesli mix/)).toBeVisible();
  await expect(page).toHaveURL(/\/shop$/);
  await expect(cartCount(page)).toHaveText('0');
});

test('closing the checkout dialog keeps the cart as it was', async ({ page }) => {
  await page.goto('/shop');
  const dialog = await openEmbeddedCheckout(page);
  await expect(page.frameLocator('iframe[title="Secure checkout"]').getByText('Test mode: no real payment')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close checkout' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Cart' })).toBeVisible();
  await expect(cartCount(page)).toHaveText('1');
  // And it opens again.
  await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
  await expect(page.frameLocator('iframe[title="Secure checkout"]').getByText('Test mode: no real payment')).toBeVisible();
});

test('when Stripe.js cannot load, the shopper is told and can try again', async ({ page }) => {
  let block = true;
  await page.route('**/_stripe/js/stripe.js', (route) => (block ? route.abort() : route.continue()));
  await page.goto('/shop');
  const dialog = await openEmbeddedCheckout(page);
  await expect(dialog.getByRole('alert')).toContainText('The payment form could not be loaded.');
  block = false;
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(page.frameLocator('iframe[title="Secure checkout"]').getByText('Test mode: no real payment')).toBeVisible();
});

test('a framed shop falls back to Stripe’s page in a new tab', async ({ page, context }) => {
  await page.goto('/frame');
  const frame = page.frameLocator('iframe');
  await waitForFramedGrid(frame);
  await frame.locator('article[part="card"]').filter({ hasText: 'Bircher muesli mix' }).getByRole('button', { name: 'Add to cart' }).click();
  await frame.getByRole('button', { name: /^Cart/ }).click();
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.getByRole('button', { name: 'Checkout' }).click()]);
  await expect(tab).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
  await expect(page.getByRole('dialog', { name: 'Secure checkout' })).toHaveCount(0);
});

for (const width of [320, 520, 1280]) {
  test(`screenshot: the embedded checkout dialog at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/shop');
    await openEmbeddedCheckout(page);
    await expect(page.frameLocator('iframe[title="Secure checkout"]').getByRole('button', { name: /^Pay/ })).toBeVisible();
    await snap(page, `embedded-checkout-${width}`, { fullPage: false });
  });
}
