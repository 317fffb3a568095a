import type { Page } from '@playwright/test';
import { card, cartButton, expect, hostPage, payOnTestStripe, snap, test, waitForGrid } from './fixtures';

/**
 * Share and like on every product card and in the product view, and the Meta Pixel seeing the
 * whole funnel. The demo catalog's shop.baseUrl is http://localhost:8787, so that is where
 * product pages are shared from.
 */
const PAGE_URL = 'http://localhost:8787/p/bircher-muesli-mix';

test.describe('share', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy link puts the product page on the clipboard and says so', async ({ page, consoleErrors }) => {
    const shared: unknown[] = [];
    await page.exposeFunction('recordShare', (detail: unknown) => shared.push(detail));
    await page.addInitScript(() => document.addEventListener('fanshop:share', (e) => (window as unknown as { recordShare(d: unknown): void }).recordShare((e as CustomEvent).detail)));
    await page.goto('/shop');
    await waitForGrid(page);
    const muesli = card(page, 'Bircher muesli mix');
    await muesli.getByRole('button', { name: 'Share Bircher muesli mix' }).click();
    await expect(muesli.getByRole('button', { name: 'Share Bircher muesli mix' })).toHaveAttribute('aria-expanded', 'true');
    await muesli.getByRole('button', { name: 'Copy link' }).click();
    await expect(muesli.getByRole('status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PAGE_URL);
    expect(shared).toEqual([{ productId: 'bircher-muesli-mix', method: 'copy', url: PAGE_URL }]);
    await page.keyboard.press('Escape');
    await expect(muesli.getByRole('link', { name: 'Facebook' })).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('the Facebook item opens the sharer for the product page in a new tab', async ({ page, context }) => {
    await context.route('https://www.facebook.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Facebook</title>' }));
    await page.goto('/shop');
    await waitForGrid(page);
    const muesli = card(page, 'Bircher muesli mix');
    await muesli.getByRole('button', { name: 'Share Bircher muesli mix' }).click();
    const facebook = muesli.getByRole('link', { name: 'Facebook' });
    await expect(facebook).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(PAGE_URL)}`);
    const [tab] = await Promise.all([context.waitForEvent('page'), facebook.click()]);
    expect(tab.url()).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(PAGE_URL)}`);
    await expect(muesli.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=Bircher%20muesli%20mix%20http%3A%2F%2Flocalhost%3A8787%2Fp%2Fbircher-muesli-mix$/);
  });

  test('with a Facebook app id the Share Dialog gets app_id, href and the hashtag', async ({ page }) => {
    await hostPage(page, '/share-host', '<div data-fanshop data-facebook-app-id="987654321" data-share-hashtag="#nordlicht"></div><script src="/fanshop.js" data-catalog="/catalog.json" async></script>');
    await page.goto('/share-host');
    await waitForGrid(page);
    const muesli = card(page, 'Bircher muesli mix');
    await muesli.getByRole('button', { name: 'Share Bircher muesli mix' }).click();
    const href = new URL((await muesli.getByRole('link', { name: 'Facebook' }).getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe('https://www.facebook.com/dialog/share');
    expect(Object.fromEntries(href.searchParams)).toEqual({ app_id: '987654321', display: 'page', href: PAGE_URL, hashtag: '#nordlicht' });
  });
});

async function likeButtonOf(page: Page, name = 'Bircher muesli mix') {
  return card(page, name).getByRole('button', { name: `Like ${name}` });
}

test('a like shows at once, survives a reload, and counts for the next shopper too', async ({ page, browser }) => {
  // The likes live on the shared test server: this test counts them on a product no other test
  // likes (the Pixel test likes the muesli at the same time).
  const likeButton = (p: Page) => likeButtonOf(p, 'Lingonberry jam');
  await page.goto('/shop');
  await waitForGrid(page);
  const count = card(page, 'Lingonberry jam').locator('[data-like-count]');
  await expect(count).toBeVisible();
  const before = Number(await count.getAttribute('data-like-count'));
  await (await likeButton(page)).click();
  await expect(await likeButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveAttribute('data-like-count', String(before + 1));

  await page.reload();
  await waitForGrid(page);
  await expect(await likeButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveAttribute('data-like-count', String(before + 1));

  // Another shopper (another browser profile) sees the count, has not liked it, and adds theirs.
  const other = await browser.newPage();
  await other.goto('/shop');
  await waitForGrid(other);
  const otherCount = card(other, 'Lingonberry jam').locator('[data-like-count]');
  await expect(otherCount).toHaveAttribute('data-like-count', String(before + 1));
  await expect(await likeButton(other)).toHaveAttribute('aria-pressed', 'false');
  await (await likeButton(other)).click();
  await expect(otherCount).toHaveAttribute('data-like-count', String(before + 2));
  await other.close();

  // Unlike takes the first shopper's like back.
  await (await likeButton(page)).click();
  await expect(await likeButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(count).toHaveAttribute('data-like-count', String(before + 1));
});

test('the product view has Like and Share too', async ({ page }) => {
  await page.goto('/shop#/p/organic-cotton-tshirt');
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('button', { name: 'Like Organic cotton T-shirt' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Share Organic cotton T-shirt' })).toBeVisible();
});

test('the Meta Pixel on the page receives the funnel in order, ending in a Purchase whose eventID is the session id', async ({ page }) => {
  const calls: unknown[][] = [];
  await page.exposeFunction('recordFbq', (args: unknown[]) => calls.push(args));
  // The merchant's own Pixel, there before the shop on every page load (the return from Stripe too).
  await page.addInitScript(() => {
    const w = window as unknown as { fbq: unknown; recordFbq(a: unknown[]): void };
    w.fbq = (...args: unknown[]) => w.recordFbq(JSON.parse(JSON.stringify(args)));
  });
  await page.goto('/shop');
  await waitForGrid(page);
  await card(page, 'Bircher muesli mix').getByRole('link', { name: 'Bircher muesli mix' }).click();
  const detail = page.locator('[data-detail]');
  await detail.getByRole('button', { name: 'Add to cart' }).click();
  await detail.getByRole('button', { name: 'Like Bircher muesli mix' }).click();
  await cartButton(page).click();
  await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/_stripe\/c\/pay\/cs_test_/);
  const sessionId = /\/c\/pay\/(cs_test_\w+)/.exec(page.url())![1];
  await payOnTestStripe(page, '4242 4242 4242 4242');
  await expect(page.getByText(/Thank you! Your order of €5\.90 is confirmed/)).toBeVisible();
  await expect.poll(() => calls.some((c) => c[1] === 'Purchase')).toBe(true);

  // Back from Stripe the shopper is on the product view again (the page they left), so it is
  // viewed again before the Purchase is told.
  expect(calls.map((c) => `${c[0]} ${c[1]}`)).toEqual(['track ViewContent', 'track AddToCart', 'track AddToWishlist', 'track InitiateCheckout', 'track ViewContent', 'track Purchase']);
  const product = { content_ids: ['bircher-muesli-mix'], content_type: 'product', contents: [{ id: 'bircher-muesli-mix', quantity: 1 }], value: 5.9, currency: 'EUR' };
  const byName = (name: string) => calls.find((c) => c[1] === name)!;
  expect(byName('ViewContent')[2]).toEqual(product);
  expect(byName('AddToCart')[2]).toEqual(product);
  expect(byName('AddToWishlist')[2]).toEqual(product);
  expect(byName('InitiateCheckout')[2]).toEqual({ ...product, num_items: 1 });
  expect(byName('Purchase')[2]).toEqual(product);
  expect(byName('Purchase')[3]).toEqual({ eventID: sessionId });
  expect(byName('AddToCart')[3]).toEqual({ eventID: expect.stringMatching(/^fanshop\.AddToCart\./) });
});

test('with data-pixel-id and no Pixel on the page, the shop loads Meta’s and initialises it', async ({ page }) => {
  // connect.facebook.net cannot be reached from here: a stand-in fbevents.js records the queue.
  await page.route('https://connect.facebook.net/en_US/fbevents.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'window.pixelCalls = []; fbq.queue.forEach((a) => pixelCalls.push(a)); fbq.callMethod = (...a) => pixelCalls.push(a);',
    }),
  );
  await hostPage(page, '/pixel-host', '<div data-fanshop data-pixel-id="1234567890"></div><script src="/fanshop.js" data-catalog="/catalog.json" async></script>');
  await page.goto('/pixel-host');
  await waitForGrid(page);
  await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
  await expect.poll(() => page.evaluate(() => ((window as unknown as { pixelCalls?: unknown[][] }).pixelCalls ?? []).map((c) => `${c[0]} ${c[1]}`))).toEqual([
    'init 1234567890',
    'track PageView',
    'track AddToCart',
  ]);
});

test('"Most liked" puts the product with the most likes first', async ({ page, request }) => {
  // Three more shoppers like the linen tea towel, through the API the widget uses: more than the
  // likes the other tests of this file give other products while this one runs.
  for (const shopper of ['most-liked-shopper-aaaa', 'most-liked-shopper-bbbb', 'most-liked-shopper-cccc']) {
    const res = await request.post('/api/likes/linen-tea-towel', { data: { shopper: `${shopper}-${Date.now()}`, liked: true } });
    expect(res.status()).toBe(200);
  }
  const ids = (await (await request.get('/catalog.json')).json()).products.map((p: { id: string }) => p.id) as string[];
  const counts: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += 100) Object.assign(counts, (await (await request.get(`/api/likes?ids=${ids.slice(i, i + 100).join(',')}`)).json()).counts);
  const top = ids.reduce((best, id) => ((counts[id] ?? 0) > (counts[best] ?? 0) ? id : best), ids[0]!);
  await page.goto('/shop');
  await waitForGrid(page);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Most liked' });
  await expect(page.locator('article[part="card"]').first()).toHaveAttribute('data-product-id', top);
  await expect(page.locator('article[part="card"]').first().locator('[data-like-count]')).toHaveAttribute('data-like-count', String(counts[top]));
});

test('without a server (a catalog on static hosting) a like is kept on the device and counts as one', async ({ page }) => {
  const demo = await (await page.request.get('/catalog.json')).text();
  // The plain file, as static hosting serves it: the widget checks it itself and has no likes API.
  await page.route((url) => url.pathname === '/catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: demo }));
  const apiCalls: string[] = [];
  page.on('request', (r) => r.url().includes('/api/likes') && apiCalls.push(r.url()));
  // A merchant's page: /shop's first view comes with the server's own parsed catalog.
  await page.goto('/');
  await waitForGrid(page);
  const count = card(page, 'Bircher muesli mix').locator('[data-like-count]');
  await expect(count).toHaveAttribute('data-like-count', '0');
  await (await likeButtonOf(page)).click();
  await expect(count).toHaveAttribute('data-like-count', '1');
  await page.reload();
  await waitForGrid(page);
  await expect(await likeButtonOf(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveAttribute('data-like-count', '1');
  expect(apiCalls).toEqual([]);
});

test.describe('in Facebook’s in-app browser on Android', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/450.0.0.0;]' });
  test('the cart offers "Open in browser" for Apple Pay and Google Pay, and shares by links in place', async ({ page }) => {
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await cartButton(page).click();
    const link = page.getByRole('dialog', { name: 'Cart' }).getByRole('link', { name: 'Open in browser' });
    await expect(link).toHaveAttribute('href', 'intent://localhost:' + new URL(page.url()).port + '/shop#Intent;scheme=http;action=android.intent.action.VIEW;end');
    await page.keyboard.press('Escape');
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Share Bircher muesli mix' }).click();
    await expect(card(page, 'Bircher muesli mix').getByRole('link', { name: 'Facebook' })).toHaveAttribute('target', '_top');
  });

  // A link mangled on its way (`%E0` is half a UTF-8 character) names no product; the cart
  // must still open, and offer this page without the broken hash.
  test('a malformed #/p/ link leaves the cart and its "Open in browser" link working', async ({ page, consoleErrors }) => {
    await page.goto('/shop#/p/%E0');
    await waitForGrid(page);
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await cartButton(page).click();
    const link = page.getByRole('dialog', { name: 'Cart' }).getByRole('link', { name: 'Open in browser' });
    await expect(link).toHaveAttribute('href', 'intent://localhost:' + new URL(page.url()).port + '/shop#Intent;scheme=http;action=android.intent.action.VIEW;end');
    expect(consoleErrors).toEqual([]);
  });
});

for (const width of [320, 520, 1280]) {
  test(`screenshot: share menu open on a card at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Nordlicht espresso blend').getByRole('button', { name: /^Share/ }).click();
    await expect(card(page, 'Nordlicht espresso blend').getByRole('button', { name: 'Copy link' })).toBeVisible();
    await snap(page, `share-menu-${width}`, { fullPage: false });
  });
}
