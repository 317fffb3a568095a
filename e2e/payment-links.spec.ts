import { readFileSync } from 'node:fs';
import { card, cards, expect, hostPage, snap, test, waitForGrid } from './fixtures';

/**
 * Static mode, for merchants without a server: a catalog whose products carry Stripe Payment
 * Links, served as a plain file (so the widget checks it in the browser). Each product's button
 * is "Buy now" and opens its link; there is no cart. buy.stripe.com cannot be reached from
 * here, so the test answers for it and only checks where the shopper was sent. On a merchant's
 * page (`/`, and a German one): /shop's first view comes from the server's own catalog.
 */
const demo = JSON.parse(readFileSync(new URL('../public/catalog.json', import.meta.url), 'utf8'));
const linked = {
  ...demo,
  products: demo.products.map((p: { id: string }) => ({ ...p, paymentLink: `https://buy.stripe.com/test_${p.id.replaceAll('-', '_')}` })),
};

test.beforeEach(async ({ page, context }) => {
  await page.route((url) => url.pathname === '/catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(linked) }));
  await context.route('https://buy.stripe.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Payment Link</title><h1>Stripe Payment Link</h1>' }));
});

test('every product sells through its Payment Link and there is no cart', async ({ page, context, consoleErrors }) => {
  await page.goto('/');
  await waitForGrid(page);
  await expect(cards(page)).toHaveCount(31);
  await expect(page.getByRole('button', { name: /^Cart/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);

  const buy = card(page, 'Bircher muesli mix').getByRole('link', { name: 'Buy now' });
  await expect(buy).toHaveAttribute('href', 'https://buy.stripe.com/test_bircher_muesli_mix');
  const [tab] = await Promise.all([context.waitForEvent('page'), buy.click()]);
  await expect(tab).toHaveURL('https://buy.stripe.com/test_bircher_muesli_mix');
  await expect(page).toHaveURL(/\/$/);
  // Sold out stays sold out, link or not.
  await expect(card(page, 'Limited edition enamel mug').getByRole('button', { name: 'Sold out' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});

test('the product view offers Buy now instead of options, quantity and Add to cart', async ({ page }) => {
  await page.goto('/#/p/organic-cotton-tshirt');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'Organic cotton T-shirt' })).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Buy now' })).toHaveAttribute('href', 'https://buy.stripe.com/test_organic_cotton_tshirt');
  await expect(detail.getByRole('spinbutton')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
});

test('German shoppers read "Jetzt kaufen"', async ({ page }) => {
  await hostPage(page, '/de-shop.html', '<div data-fanshop></div><script src="/fanshop.js" data-catalog="/catalog.json" async></script>', { lang: 'de' });
  await page.goto('/de-shop.html');
  await waitForGrid(page);
  await expect(card(page, 'Bircher-Müsli Mischung').getByRole('link', { name: 'Jetzt kaufen' })).toBeVisible();
});

for (const width of [320, 520, 1280]) {
  test(`screenshot: Payment Links mode at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await waitForGrid(page);
    await expect(page.getByRole('link', { name: 'Buy now' }).first()).toBeVisible();
    await snap(page, `payment-links-${width}`, { fullPage: false });
  });
}
