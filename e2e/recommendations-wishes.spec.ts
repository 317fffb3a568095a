import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { card, cartButton, cartCount, expect, holdWidget, hostPage, hydrated, loadAllImages, payOnTestStripe, snap, test, waitForGrid } from './fixtures';
import { ownServer } from './own-server';

/**
 * The recommendation rows and "Notify me", against a server of the spec's own (e2e/ports.ts) on
 * an empty database, with the demo catalog and one product coming soon, seeded so the rows are
 * known: two fans like the teapot and the grinder, one of them the French press too, and one
 * paid order (through the local test-mode Stripe) has the teapot with the muesli.
 *
 * The server keeps a product's rankings for a minute, so the seeding comes before anything asks
 * for recommendations.
 */
const demo = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { products: Record<string, unknown>[] };
const hoodie = demo.products.find((p) => p.id === 'nordlicht-hoodie')!;
const comingSoon = {
  id: 'tour-hoodie-2027',
  title: { en: 'Tour hoodie 2027', de: 'Tour-Kapuzenpullover 2027' },
  description: { en: 'The hoodie of next year’s tour.', de: 'Der Kapuzenpullover der Tour im nächsten Jahr.' },
  images: hoodie.images,
  price: 5900,
  stock: 40,
  availability: 'coming_soon',
  category: 'apparel',
};
const catalogText = JSON.stringify({ ...demo, products: [comingSoon, ...demo.products] });
const { origin, whileStopped } = ownServer(12, catalogText);

/** What the seeded data makes of the teapot's rows and of a cart holding the teapot. */
const ALSO_LIKED = ['Hand coffee grinder', 'Glass French press', 'Mug', 'Ceramic pour-over dripper'];
const BOUGHT_TOGETHER = ['Bircher muesli mix'];
const CART_ROW = ['Hand coffee grinder', 'Bircher muesli mix', 'Glass French press', 'Mug'];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const like = async (shopper: string, productId: string) => {
    const response = await fetch(`${origin}/api/likes/${productId}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ shopper, liked: true }) });
    expect(response.status).toBe(200);
  };
  for (const id of ['stoneware-teapot', 'hand-coffee-grinder', 'glass-french-press']) await like('fan-one-0123456789abcdef', id);
  for (const id of ['stoneware-teapot', 'hand-coffee-grinder']) await like('fan-two-0123456789abcdef', id);
  await paidOrder(browser, ['stoneware-teapot', 'bircher-muesli-mix']);
});

/** An order paid on the local test-mode Stripe; its webhook is in before the pay page returns. */
async function paidOrder(browser: Browser, productIds: string[]) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.request.post(`${origin}/api/checkout`, {
      headers: { Origin: origin },
      data: { lines: productIds.map((productId) => ({ productId, quantity: 1 })), returnUrl: `${origin}/shop`, locale: 'en' },
    });
    expect(response.status()).toBe(200);
    const { url } = (await response.json()) as { url: string };
    await page.goto(url);
    await payOnTestStripe(page, '4242 4242 4242 4242');
    await expect(page).toHaveURL(new RegExp(`^${origin}/shop`));
  } finally {
    await context.close();
  }
}

/** The events the shop told the page, in order. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { fanshopEvents: unknown[] }).fanshopEvents = seen;
    for (const name of ['recommendation_click', 'wish_submit']) document.addEventListener(`fanshop:${name}`, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
  });
  return () => page.evaluate(() => (window as unknown as { fanshopEvents: unknown[] }).fanshopEvents);
}

function row(page: Page, name: string | RegExp) {
  return page.getByRole('region', { name });
}

async function rowTitles(page: Page, name: string | RegExp) {
  return row(page, name).locator('.rec-title').allTextContents();
}

/**
 * The shop's own console errors: axe-core's colour checks set inline styles on the page, which
 * its Content-Security-Policy refuses (and Chromium says so); a request a test cuts off is
 * reported by Chromium itself.
 */
const shopErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Applying inline style violates') && !e.includes('ERR_INTERNET_DISCONNECTED'));

async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).include('[data-fanshop]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

const detail = (page: Page) => page.locator('[data-detail]');

test('the product view shows both rows below its content once it has painted, and a click opens the product', async ({ page, consoleErrors }) => {
  const events = await recordEvents(page);
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/recommendations') && asked.push(r.url()));
  // The grid alone asks nothing and loads no row code.
  const chunks: string[] = [];
  page.on('request', (r) => r.url().includes('later-parts') && chunks.push(r.url()));
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await page.waitForTimeout(300);
  expect(asked).toEqual([]);
  expect(chunks).toEqual([]);

  // The answer is held until the product view is on screen: nothing above the rows moves when they come.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/recommendations/**', async (route) => {
    await held;
    await route.continue();
  });
  await card(page, 'Stoneware teapot').getByRole('link', { name: 'Stoneware teapot' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Stoneware teapot' })).toBeVisible();
  const before = await detail(page).locator('.detail-body').boundingBox();
  await page.evaluate(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
    }).observe({ type: 'layout-shift' });
  });
  release();
  await expect(row(page, 'Fans who liked this also liked')).toBeVisible();
  expect(await rowTitles(page, 'Fans who liked this also liked')).toEqual(ALSO_LIKED);
  expect(await rowTitles(page, 'Often bought together')).toEqual(BOUGHT_TOGETHER);
  expect(await detail(page).locator('.detail-body').boundingBox()).toEqual(before);
  await loadAllImages(page);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  expect(asked).toEqual([`${origin}/api/recommendations/stoneware-teapot`]);
  await expectNoAxeViolations(page, 'the product view with its rows');

  await row(page, 'Often bought together').getByRole('link', { name: 'Bircher muesli mix' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Bircher muesli mix' })).toBeFocused();
  expect(await events()).toEqual([{ name: 'recommendation_click', detail: { productId: 'bircher-muesli-mix', source: 'orders', from: 'bought_together' } }]);
  // The muesli's own rows: the teapot was bought with it.
  await expect(row(page, 'Often bought together').getByRole('link')).toHaveText(['Stoneware teapot']);
  expect(shopErrors(consoleErrors)).toEqual([]);
});

test('the cart shows "You may also like" when it opens, adds from the row and opens a product from it', async ({ page, consoleErrors }) => {
  const events = await recordEvents(page);
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/recommendations') && asked.push(r.url()));
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  await card(page, 'Stoneware teapot').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  await page.waitForTimeout(300);
  expect(asked).toEqual([]);

  await cartButton(page).click();
  const cart = page.getByRole('dialog', { name: 'Cart' });
  const mayLike = cart.getByRole('region', { name: 'You may also like' });
  await expect(mayLike.locator('.rec-title')).toHaveText(CART_ROW);
  expect(asked).toEqual([`${origin}/api/recommendations?cart=stoneware-teapot`]);
  // The mug has sizes to choose: its view, not a button.
  await expect(mayLike.locator('[data-product-id="stoneware-mug"]').getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the cart with its row');

  await mayLike.locator('[data-product-id="bircher-muesli-mix"]').getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('2');
  await expect(cart.locator('li[part="cart-line"]')).toHaveCount(2);
  // What is in the cart leaves the row.
  await expect(mayLike.locator('[data-product-id="bircher-muesli-mix"]')).toHaveCount(0);

  await mayLike.getByRole('link', { name: 'Hand coffee grinder' }).click();
  await expect(cart).toBeHidden();
  await expect(detail(page).getByRole('heading', { name: 'Hand coffee grinder' })).toBeFocused();
  expect(await events()).toEqual([
    { name: 'recommendation_click', detail: { productId: 'bircher-muesli-mix', source: 'orders', from: 'cart' } },
    { name: 'recommendation_click', detail: { productId: 'hand-coffee-grinder', source: 'likes', from: 'cart' } },
  ]);
  expect(shopErrors(consoleErrors)).toEqual([]);
});

test('a failed answer shows no rows and no error, and the product view works as before', async ({ page, consoleErrors }) => {
  await page.route('**/api/recommendations/**', (route) => route.abort('internetdisconnected'));
  const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/api/recommendations/'));
  await page.goto(`${origin}/shop#/p/stoneware-teapot`);
  await expect(detail(page).getByRole('heading', { name: 'Stoneware teapot' })).toBeVisible();
  await failed;
  await page.waitForTimeout(300);
  await expect(page.locator('[part="recommendations"]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await detail(page).getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  expect(shopErrors(consoleErrors)).toEqual([]);
});

test('a coming-soon product says so on its card, and Notify me takes an email once, never showing it back', async ({ page, consoleErrors, request }) => {
  // The server is stopped and started again for the CLI.
  test.slow();
  const events = await recordEvents(page);
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  const soon = card(page, 'Tour hoodie 2027');
  await expect(soon.locator('[part="badge"]')).toHaveText('Coming soon');
  await expect(soon.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await soon.getByRole('button', { name: 'Notify me' }).click();

  await expect(detail(page).getByRole('heading', { name: 'Tour hoodie 2027' })).toBeVisible();
  await expect(detail(page).locator('[part="stock-note"]')).toHaveText('Coming soon');
  await expect(detail(page).getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  const email = detail(page).getByRole('textbox', { name: 'Your email' });
  await expect(email).toBeFocused();
  await expect(detail(page).getByText('We’ll email you once when “Tour hoodie 2027” is available. Nothing else. You can unsubscribe with one click.')).toBeVisible();
  await expectNoAxeViolations(page, 'the Notify me form');

  // A typo: said next to the field, in words, and what was typed stays.
  await email.fill('fan.one@example');
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).getByRole('alert')).toHaveText('Enter an email address such as name@example.com.');
  await expect(email).toHaveValue('fan.one@example');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the Notify me form with its error');

  // The connection drops: said, and the address is still there to send again.
  await email.fill('Fan.One@Example.com');
  await page.route('**/api/wishes', (route) => route.abort('internetdisconnected'));
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).getByRole('alert')).toHaveText('This could not be sent. Check your connection and try again.');
  await expect(email).toHaveValue('Fan.One@Example.com');
  await page.unroute('**/api/wishes');

  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).getByRole('status').filter({ hasText: 'Thanks!' })).toHaveText('Thanks! We’ll let you know when “Tour hoodie 2027” is here.');
  expect(await events()).toEqual([{ name: 'wish_submit', detail: { productId: 'tour-hoodie-2027', variantId: null } }]);

  // Asking again from this device, with the same address: told kindly, and kept once.
  await page.reload();
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await detail(page).getByRole('textbox', { name: 'Your email' }).fill('Fan.One@example.com');
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).getByRole('status').filter({ hasText: 'already' })).toHaveText('You’re already on the list with this email. We’ll let you know once, nothing more.');

  // The address is in no page and no public answer.
  const html = await page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    document.querySelectorAll('*').forEach((el) => el.shadowRoot && parts.push(el.shadowRoot.innerHTML));
    return parts.join('\n');
  });
  expect(html.toLowerCase()).not.toContain('fan.one@');
  for (const path of ['/shop', '/p/tour-hoodie-2027', '/catalog.json?fanshop=1', '/api/products?ids=tour-hoodie-2027', '/api/recommendations/nordlicht-hoodie', '/feeds/meta.csv']) {
    const text = await (await request.get(`${origin}${path}`)).text();
    expect(text.toLowerCase(), path).not.toContain('fan.one@');
  }
  expect(shopErrors(consoleErrors)).toEqual([]);

  // The merchant's CLI has it, once.
  const csv = await whileStopped((dataDir) =>
    execFileSync(process.execPath, ['dist/server/fanshop-cli.mjs', 'wishes', 'list', '--emails', 'tour-hoodie-2027'], { env: { ...process.env, FANSHOP_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' }),
  );
  expect(csv.trim().split('\n')).toEqual(['email,language,variant,asked,notified', expect.stringMatching(/^Fan\.One@example\.com,en(-US)?,,\d{4}-\d\d-\d\dT[^,]+,$/)]);
});

test('the server renders Coming soon and Notify me as the widget does: hydration keeps the nodes and their text', async ({ page }) => {
  const release = await holdWidget(page);
  await page.goto(`${origin}/shop`);
  const notify = card(page, 'Tour hoodie 2027').getByRole('button', { name: 'Notify me' });
  await expect(notify).toBeVisible();
  const badge = await card(page, 'Tour hoodie 2027').locator('[part="badge"]').elementHandle();
  const button = await notify.elementHandle();
  release();
  await hydrated(page);
  expect(await badge!.evaluate((el) => [el.isConnected, el.textContent])).toEqual([true, 'Coming soon']);
  expect(await button!.evaluate((el) => [el.isConnected, el.textContent])).toEqual([true, 'Notify me']);
  await notify.click();
  await expect(detail(page).getByRole('heading', { name: 'Tour hoodie 2027' })).toBeVisible();

  // Its own page: the server's view is the widget's.
  const again = await holdWidget(page);
  await page.goto(`${origin}/p/tour-hoodie-2027`);
  const note = await detail(page).locator('[part="stock-note"]').elementHandle();
  const viewButton = await detail(page).getByRole('button', { name: 'Notify me' }).elementHandle();
  again();
  await hydrated(page);
  expect(await note!.evaluate((el) => [el.isConnected, el.textContent])).toEqual([true, 'Coming soon']);
  expect(await viewButton!.evaluate((el) => [el.isConnected, el.textContent])).toEqual([true, 'Notify me']);
});

test('a sold-out product offers Notify me on its card and in its view', async ({ page }) => {
  await page.goto(`${origin}/shop`);
  await waitForGrid(page);
  const mug = card(page, 'Limited edition enamel mug');
  await expect(mug.locator('[part="badge"]')).toHaveText('Sold out');
  await mug.getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).locator('[part="stock-note"]')).toHaveText('Sold out');
  await detail(page).getByRole('button', { name: 'Notify me' }).click();
  await expect(detail(page).getByText('We’ll email you once when “Limited edition enamel mug” is back. Nothing else. You can unsubscribe with one click.')).toBeVisible();
});

test('a German shopper reads the rows, the cart row and Notify me in German', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/shop`);
    await waitForGrid(page);
    const soon = card(page, 'Tour-Kapuzenpullover 2027');
    await expect(soon.locator('[part="badge"]')).toHaveText('Demnächst');
    await expect(soon.getByRole('button', { name: 'Benachrichtigen' })).toBeVisible();

    await card(page, 'Teekanne aus Steinzeug').getByRole('button', { name: 'In den Warenkorb' }).click();
    await cartButton(page).click();
    const cart = page.getByRole('dialog', { name: 'Warenkorb' });
    await expect(cart.getByRole('region', { name: 'Das könnte dir auch gefallen' }).locator('.rec-title')).toHaveText(['Handkaffeemühle', 'Bircher-Müsli Mischung', 'French Press aus Glas', 'Becher']);
    await cart.getByRole('button', { name: 'Warenkorb schließen' }).click();

    await page.goto(`${origin}/shop#/p/stoneware-teapot`);
    await expect(row(page, 'Fans, denen das gefällt, mögen auch').locator('.rec-title')).toHaveText(['Handkaffeemühle', 'French Press aus Glas', 'Becher', 'Keramik-Handfilter']);
    await expect(row(page, 'Wird oft zusammen gekauft').locator('.rec-title')).toHaveText(['Bircher-Müsli Mischung']);

    await page.goto(`${origin}/shop#/p/tour-hoodie-2027`);
    await expect(detail(page).locator('[part="stock-note"]')).toHaveText('Demnächst');
    await detail(page).getByRole('button', { name: 'Benachrichtigen' }).click();
    await expect(detail(page).getByText('Wir schreiben dir einmal, sobald „Tour-Kapuzenpullover 2027“ erhältlich ist. Sonst nichts. Abmelden kannst du dich mit einem Klick.')).toBeVisible();
    await detail(page).getByRole('textbox', { name: 'Deine E-Mail-Adresse' }).fill('kein-at-zeichen');
    await detail(page).getByRole('button', { name: 'Benachrichtigen' }).click();
    await expect(detail(page).getByRole('alert')).toHaveText('Gib eine E-Mail-Adresse wie name@beispiel.de ein.');
  } finally {
    await context.close();
  }
});

test('on a slow phone (the CPU throttled 4x) the rows come below the product without moving it', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.setViewportSize({ width: 390, height: 800 });
  // The server's answer waits until the page has settled, so what the rows do is measured alone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/recommendations/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${origin}/p/stoneware-teapot`);
  await expect(detail(page).getByRole('heading', { name: 'Stoneware teapot' })).toBeVisible();
  await hydrated(page);
  await loadAllImages(page);
  const shifts = () => page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  const before = { shifts: await shifts(), body: await detail(page).locator('.detail-body').boundingBox() };
  release();
  await expect(row(page, 'Often bought together').locator('.rec-title')).toHaveText(BOUGHT_TOGETHER, { timeout: 15_000 });
  expect(await rowTitles(page, 'Fans who liked this also liked')).toEqual(ALSO_LIKED);
  await loadAllImages(page);
  expect({ shifts: await shifts(), body: await detail(page).locator('.detail-body').boundingBox() }).toEqual(before);
  await row(page, 'Fans who liked this also liked').getByRole('link', { name: 'Glass French press' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Glass French press' })).toBeVisible();
});

test('a catalog from static hosting asks for no recommendations and offers no Notify me', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => /\/api\/(recommendations|wishes)/.test(r.url()) && asked.push(r.url()));
  // The same file, served as a static host would: not the server's parsed envelope.
  await page.route((url) => url.pathname === '/static-catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: catalogText }));
  await hostPage(page, '/static-host.html', '<div data-fanshop data-catalog="/static-catalog.json"></div><script src="/fanshop.js" async></script>');
  await page.goto(`${origin}/static-host.html`);
  await waitForGrid(page);
  await expect(card(page, 'Tour hoodie 2027').getByRole('button', { name: 'Coming soon' })).toBeDisabled();
  await expect(card(page, 'Limited edition enamel mug').getByRole('button', { name: 'Sold out' })).toBeDisabled();
  await card(page, 'Stoneware teapot').getByRole('link', { name: 'Stoneware teapot' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Stoneware teapot' })).toBeVisible();
  await detail(page).getByRole('button', { name: 'Add to cart' }).click();
  await cartButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Cart' }).locator('li[part="cart-line"]')).toHaveCount(1);
  await page.waitForTimeout(500);
  await expect(page.locator('[part="recommendations"]')).toHaveCount(0);
  expect(asked).toEqual([]);
});

for (const locale of ['en', 'de'] as const) {
  for (const width of [320, 520, 1280]) {
    test(`screenshots in ${locale} at ${width}px: the rows, the cart's row, the Notify me form, a coming-soon card`, async ({ browser }) => {
      const context = await browser.newContext({ locale: locale === 'de' ? 'de-DE' : 'en-US', viewport: { width, height: 900 } });
      const t = locale === 'de' ? { add: 'In den Warenkorb', cart: 'Warenkorb', notify: 'Benachrichtigen', teapot: 'Teekanne aus Steinzeug', soon: 'Tour-Kapuzenpullover 2027', bought: 'Wird oft zusammen gekauft', mayLike: 'Das könnte dir auch gefallen' } : { add: 'Add to cart', cart: 'Cart', notify: 'Notify me', teapot: 'Stoneware teapot', soon: 'Tour hoodie 2027', bought: 'Often bought together', mayLike: 'You may also like' };
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/shop`);
        await waitForGrid(page);
        const soon = card(page, t.soon);
        await soon.scrollIntoViewIfNeeded();
        await loadAllImages(page);
        await soon.screenshot({ path: `test-results/screenshots/coming-soon-card-${locale}-${width}.png` });

        await page.goto(`${origin}/shop#/p/tour-hoodie-2027`);
        await detail(page).getByRole('button', { name: t.notify }).click();
        await expect(detail(page).getByRole('textbox')).toBeFocused();
        await loadAllImages(page);
        await snap(page, `notify-me-form-${locale}-${width}`);

        await page.goto(`${origin}/shop#/p/stoneware-teapot`);
        await expect(row(page, t.bought)).toBeVisible();
        await loadAllImages(page);
        await snap(page, `recommendations-product-${locale}-${width}`);

        await detail(page).getByRole('button', { name: t.add }).click();
        await cartButton(page).click();
        await expect(page.getByRole('dialog', { name: t.cart }).getByRole('region', { name: t.mayLike }).locator('.rec-title')).toHaveCount(4);
        await loadAllImages(page);
        await snap(page, `recommendations-cart-${locale}-${width}`, { fullPage: false });
        await page.keyboard.press('Escape');
      } finally {
        await context.close();
      }
    });
  }
}
