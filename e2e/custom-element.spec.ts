import type { Page } from '@playwright/test';
import { card, cards, cartCount, expect, hostPage, snap, test, waitForGrid } from './fixtures';

/**
 * `<fanshop-shop>` (src/widget/element.ts), as a React, Vue or Svelte page writes it: markup
 * only, and the module script that defines it. The host pages here are served with the shop's
 * own strict Content-Security-Policy (no inline script may run), so what works here works on a
 * merchant's page that has one too.
 */

/** The policy the shop's own pages are served with (server/http/security.ts). */
async function shopCsp(page: Page): Promise<string> {
  const response = await page.request.get('/shop');
  return response.headers()['content-security-policy']!;
}

async function noteCspViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    window.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const element = `<script type="module" src="/fanshop-element.js"></script>`;

test('a page with only the markup shows the shop, themed by its attributes, under a strict CSP', async ({ page, consoleErrors }) => {
  await noteCspViolations(page);
  // The module script twice: the element is defined once, and one shop renders.
  await hostPage(page, '/element.html', `${element}<h1>Our shop</h1><fanshop-shop catalog="/catalog.json" theme-primary="#c0392b" theme-radius="0px"></fanshop-shop>${element}`, {
    headers: { 'Content-Security-Policy': await shopCsp(page) },
  });
  await page.goto('/element.html');
  await waitForGrid(page);
  await expect(cards(page)).toHaveCount(31);
  await expect(page.getByRole('region', { name: 'Nordlicht Supply shop' })).toHaveCount(1);
  const addToCart = cards(page).first().getByRole('button', { name: 'Add to cart' });
  await expect(addToCart).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await expect(addToCart).toHaveCSS('border-radius', '0px');
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await snap(page, 'custom-element');
});

test('the theme property, an attribute change, events and removal, as a framework drives them', async ({ page, consoleErrors }) => {
  await noteCspViolations(page);
  await hostPage(page, '/element-live.html', `${element}<fanshop-shop catalog="/catalog.json" locale="en"></fanshop-shop>`, {
    headers: { 'Content-Security-Policy': await shopCsp(page) },
  });
  await page.goto('/element-live.html');
  await waitForGrid(page);
  const shop = page.locator('fanshop-shop');
  const addToCart = card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' });
  await expect(addToCart).toHaveCSS('background-color', 'rgb(15, 92, 192)');

  // Events arrive on the element as the DOM events the widget dispatches on its host.
  await shop.evaluate((el) => {
    const seen: unknown[] = ((window as unknown as { seen: unknown[] }).seen = []);
    el.addEventListener('fanshop:add_to_cart', (e) => seen.push({ target: e.target === el, detail: (e as CustomEvent).detail }));
  });
  await addToCart.click();
  await expect(cartCount(page)).toHaveText('1');
  expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
    { target: true, detail: { productId: 'bircher-muesli-mix', variantId: null, quantity: 1, value: 5.9, currency: 'EUR' } },
  ]);

  // A property takes an object, as React 19, Vue and Svelte set one; the shop changes in place.
  await shop.evaluate((el) => ((el as HTMLElement & { theme: object }).theme = { primary: '#2e7d32', radius: '2px' }));
  await expect(addToCart).toHaveCSS('background-color', 'rgb(46, 125, 50)');
  await expect(addToCart).toHaveCSS('border-radius', '2px');

  // An attribute changed: the shop speaks German, keeping the theme and the cart.
  await shop.evaluate((el) => el.setAttribute('locale', 'de'));
  const inDen = card(page, 'Bircher-Müsli Mischung').getByRole('button', { name: 'In den Warenkorb' });
  await expect(inDen).toBeVisible();
  await expect(inDen).toHaveCSS('background-color', 'rgb(46, 125, 50)');
  await expect(cartCount(page)).toHaveText('1');

  // A scheme changes what the shop renders: dark.
  await shop.evaluate((el) => ((el as HTMLElement & { theme: object }).theme = { scheme: 'dark' }));
  await expect(page.locator('[part="root"]')).toHaveAttribute('data-scheme', 'dark');
  await expect(shop).not.toHaveAttribute('style', /--fanshop-primary/);

  // Taken out of the page, the shop is gone; put back, it is there again.
  await shop.evaluate((el) => ((window as unknown as { kept: Element }).kept = el).remove());
  await expect(cards(page)).toHaveCount(0);
  await page.evaluate(() => document.body.append((window as unknown as { kept: Element }).kept));
  await expect(cards(page)).toHaveCount(31);
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a property set before the element is defined is kept, as a framework may set it first', async ({ page, consoleErrors }) => {
  await hostPage(page, '/element-early.html', `<div id="slot"></div>`);
  await page.goto('/element-early.html');
  await page.evaluate(() => {
    const el = document.createElement('fanshop-shop') as HTMLElement & { theme?: object; labels?: object };
    el.setAttribute('catalog', '/catalog.json');
    el.theme = { primary: '#6a1b9a' };
    el.labels = { addToCart: 'Buy it' };
    document.getElementById('slot')!.append(el);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/fanshop-element.js';
    document.head.append(script);
  });
  await waitForGrid(page);
  const buy = card(page, 'Bircher muesli mix').getByRole('button', { name: 'Buy it' });
  await expect(buy).toHaveCSS('background-color', 'rgb(106, 27, 154)');
  expect(consoleErrors).toEqual([]);
});

test('an element without a catalog says what it needs', async ({ page, consoleErrors }) => {
  await hostPage(page, '/element-bare.html', `${element}<fanshop-shop locale="de"></fanshop-shop>`);
  await page.goto('/element-bare.html');
  await expect.poll(() => consoleErrors).toEqual(['[fanshop] <fanshop-shop> needs a catalog attribute: <fanshop-shop catalog="https://…/catalog.json">']);
  await expect(cards(page)).toHaveCount(0);
});
