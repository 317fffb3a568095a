import { test as base, expect, type Page } from '@playwright/test';

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

export function cards(page: Page) {
  return page.locator('article[part="card"]');
}

export function cartButton(page: Page) {
  return page.getByRole('button', { name: /^(Cart|Warenkorb)/ });
}

export async function waitForGrid(page: Page) {
  await expect(cards(page).first()).toBeVisible();
}

export function card(page: Page, title: string | RegExp) {
  return cards(page).filter({ has: page.getByRole('heading', { name: title }) });
}

/** Serves a host page of our own at `path` on the shop's origin (the merchant's HTML, not the shop). */
export async function hostPage(page: Page, path: string, body: string, headers: Record<string, string> = {}) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head><body>${body}</body></html>` }),
  );
}

/** Saves a screenshot under test-results/screenshots for people to look at. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
