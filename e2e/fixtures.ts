import { test as base, expect, type Frame, type FrameLocator, type Page } from '@playwright/test';

/**
 * Shared helpers for the journeys. Playwright's CSS and role locators pierce open shadow roots,
 * so specs address the shop as a shopper sees it: by role and name.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
  },
});
export { expect };

/** The demo catalog's shop id: the cart lives in localStorage under `fanshop:cart:<id>`. */
export const CART_KEY = 'fanshop:cart:nordlicht';

export function cards(page: Page) {
  return page.locator('article[part="card"]');
}

export function cartButton(page: Page) {
  return page.getByRole('button', { name: /^(Cart|Warenkorb)/ });
}

/** The number on the Cart button, as the shopper reads it. */
export function cartCount(page: Page) {
  return page.locator('[part="cart-count"]');
}

/**
 * The same for a shop in an iframe (/frame frames the server-rendered /shop): its cards' Like
 * buttons come only once the widget runs the grid.
 */
export async function waitForFramedGrid(frame: FrameLocator) {
  await expect(frame.locator('[part="like-button"]').first()).toBeVisible();
}

/**
 * The grid is on screen and the widget runs it. A server-rendered grid (/shop, the Page tab,
 * /p/<id>) is visible before the widget has hydrated it, and until then a click or typing does
 * nothing: wait for the grid's first render in the widget, which Browse.tsx marks.
 */
export async function waitForGrid(page: Page) {
  await expect(cards(page).first()).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('fanshop:first-product').length > 0);
}

export function card(page: Page, title: string | RegExp) {
  return cards(page).filter({ has: page.getByRole('heading', { name: title, exact: typeof title === 'string' ? true : undefined }) });
}

/**
 * Serves a host page of our own at `path` on the shop's origin (the merchant's HTML, not the
 * shop). It has no Content-Security-Policy unless `headers` sets one, so inline scripts run.
 */
export async function hostPage(page: Page, path: string, body: string, options: { lang?: string; head?: string; headers?: Record<string, string> } = {}) {
  const { lang = 'en', head = '', headers = {} } = options;
  // By path, so the page is served with any query (`?checkout=success…` on the way back).
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers,
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="/favicon.svg">${head}</head><body>${body}</body></html>`,
    }),
  );
}

/**
 * What has keyboard focus, looking through shadow roots (document.activeElement stops at the
 * shop's host element). `null` when focus is on the body or nowhere.
 */
export async function focused(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      part: el.getAttribute('part') ?? '',
      pressed: el.getAttribute('aria-pressed'),
      productLink: el.hasAttribute('data-product-link'),
      inDialog: el.closest('dialog[open]') !== null,
      outline: style.outlineStyle,
    };
  });
}

/**
 * Loads every image of the shop now, as if the shopper had scrolled: cards use
 * `loading="lazy"`, and a full-page screenshot would otherwise show blank tiles below the fold.
 */
export async function loadAllImages(page: Page | Frame) {
  await page.evaluate(async () => {
    const images: HTMLImageElement[] = [];
    const collect = (root: Document | ShadowRoot) => {
      root.querySelectorAll('img').forEach((img) => images.push(img));
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && collect(el.shadowRoot));
    };
    collect(document);
    await Promise.all(
      images.map((img) => {
        img.loading = 'eager';
        return img.complete ? undefined : img.decode().catch(() => undefined);
      }),
    );
  });
}

/**
 * Saves a screenshot under test-results/screenshots for people to look at: the full page, or
 * with `fullPage: false` what fits the window (a modal's backdrop covers only the window).
 */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: options.fullPage ?? true });
}

/**
 * Fills in and submits the local test-mode Stripe's payment page (tools/stripe-local), on
 * its own page (hosted) or in the embedded checkout's frame.
 */
export async function payOnTestStripe(where: Page | FrameLocator, cardNumber: string) {
  await expect(where.getByText('Test mode: no real payment')).toBeVisible();
  await where.locator('input[name=email]').fill('shopper@example.com');
  await where.locator('input[name=name]').fill('Erika Mustermann');
  await where.locator('input[name=line1]').fill('Hauptstraße 1');
  await where.locator('input[name=postal_code]').fill('10115');
  await where.locator('input[name=city]').fill('Berlin');
  await where.locator('select[name=country]').selectOption('DE');
  await where.locator('input[name=number]').fill(cardNumber);
  await where.locator('input[name=expiry]').fill('12 / 34');
  await where.locator('input[name=cvc]').fill('123');
  await where.getByRole('button', { name: /^Pay/ }).click();
}

/** Resolves once the widget has taken over a server-rendered first view: its first effect marks this. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('fanshop:first-product').length > 0);
}

/** Holds fanshop.mjs back until `release()`, so a test can look at the server's HTML alone. */
export async function holdWidget(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/fanshop.mjs', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
