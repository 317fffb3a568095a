import { createHmac } from 'node:crypto';
import { expect, hostPage, loadAllImages, snap, test } from './fixtures';

/**
 * The shop as a Facebook Page tab: Facebook POSTs a `signed_request` to /facebook/tab. Here a
 * host page stands in for Facebook and posts the form the same way (at the top of the tab, so
 * the CSP's frame-ancestors, which allows only Facebook, does not get in the way). The e2e
 * server's FB_APP_SECRET is 'e2e-app-secret' (playwright.config.ts).
 */

const appSecret = 'e2e-app-secret';

function signedRequest(payload: Record<string, unknown>, key = appSecret) {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', key).update(encoded).digest('base64url')}.${encoded}`;
}

/** A page with the form Facebook would post; its submit button opens the tab. */
async function facebookPosts(page: import('@playwright/test').Page, signed: string) {
  await hostPage(page, '/fb-host.html', `<form method="post" action="/facebook/tab"><input type="hidden" name="signed_request" value="${signed}"><button>Open the shop tab</button></form>`);
  await page.goto('/fb-host.html');
  const response = page.waitForResponse((r) => r.url().endsWith('/facebook/tab') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Open the shop tab' }).click();
  return response;
}

test('a German viewer opening the tab for a product sees that product in German', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 520, height: 900 });
  const payload = { algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), user: { locale: 'de_DE', country: 'de', age: { min: 21 } }, page: { id: '1234', admin: false }, app_data: 'organic-cotton-tshirt' };
  const response = await facebookPosts(page, signedRequest(payload));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toContain('frame-ancestors https://www.facebook.com https://web.facebook.com https://*.facebook.com');

  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'T-Shirt aus Bio-Baumwolle' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Zurück zu den Produkten' })).toBeVisible();
  await expect(detail.getByRole('button', { name: /In den Warenkorb/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Warenkorb/ })).toBeVisible();
  await expect(detail.getByText(/\d+,\d{2}\s€/).first()).toBeVisible();
  await loadAllImages(page);
  await snap(page, 'facebook-tab-520');
  expect(consoleErrors).toEqual([]);
});

test('a forged signed request gets a 403 page without the shop', async ({ page }) => {
  const payload = { algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), user: { locale: 'de_DE' }, app_data: 'organic-cotton-tshirt' };
  const response = await facebookPosts(page, signedRequest(payload, 'not-the-app-secret'));
  expect(response.status()).toBe(403);
  await expect(page.getByRole('heading', { name: /Facebook tab only/ })).toBeVisible();
  await expect(page.locator('[data-fanshop]')).toHaveCount(0);
  await expect(page.locator('article[part="card"]')).toHaveCount(0);
});
