import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { card, cards, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';

/**
 * The shop renders in a shadow root with constructed stylesheets: a host page's CSS must not
 * change it, its CSS must not change the host page, and it must run under a strict
 * Content-Security-Policy (no inline scripts or styles, no eval).
 */

/** What a shopper sees of the first card, as computed styles. */
async function cardLook(page: Page) {
  await waitForGrid(page);
  return cards(page)
    .first()
    .evaluate((card) => {
      const style = (selector: string) => getComputedStyle(card.querySelector(selector)!);
      const title = style('[part="card-title"]');
      const link = style('[part="card-title"] a');
      const button = style('[part~="add-to-cart"]');
      const image = card.querySelector('img')!.getBoundingClientRect();
      return {
        titleFontSize: title.fontSize,
        titleLineHeight: title.lineHeight,
        titleColor: title.color,
        titleFont: link.fontFamily,
        titleTransform: link.textTransform,
        titleLetterSpacing: link.letterSpacing,
        buttonBackground: button.backgroundColor,
        buttonHeight: button.height,
        buttonFontSize: button.fontSize,
        // The two pages give the shop different widths, so the image is compared with its card:
        // it fills the card's width and is square, unblurred (the hostile sheet says 10px, blur).
        imageFillsCard: Math.abs(image.width - card.getBoundingClientRect().width) < 1,
        imageIsSquare: Math.abs(image.width - image.height) < 1,
        imageWideEnough: image.width >= 200,
        imageFilter: style('img').filter,
      };
    });
}

test('the shop looks the same on a page with hostile CSS as on a friendly page', async ({ page }) => {
  await page.goto('/');
  const friendly = await cardLook(page);
  expect(friendly).toMatchObject({ titleFontSize: '16px', buttonHeight: '44px', imageFillsCard: true, imageIsSquare: true, imageWideEnough: true });

  await page.goto('/demo/hostile');
  expect(await cardLook(page)).toEqual(friendly);
});

test('the shop’s styles do not leak into the hostile host page', async ({ page }) => {
  await page.goto('/demo/hostile');
  await waitForGrid(page);
  for (const id of ['#host-paragraph', '#host-after']) {
    const paragraph = page.locator(id);
    await expect(paragraph).toHaveCSS('color', 'rgb(255, 0, 0)');
    await expect(paragraph).toHaveCSS('font-size', '40px');
    await expect(paragraph).toHaveCSS('text-transform', 'uppercase');
  }
});

test('the demo pages send a strict Content-Security-Policy', async ({ request }) => {
  for (const path of ['/', '/shop', '/frame', '/demo/hostile']) {
    const response = await request.get(path);
    expect(response.ok()).toBe(true);
    const csp = response.headers()['content-security-policy'] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src'], `${path} script-src`).toEqual(["'self'"]);
    // Styles from the origin, and the few stylesheets the pages send inside them, by their hashes
    // (server/pages/inline-styles.ts): each <style> the page has is one of them.
    const [self, ...hashes] = directives['style-src'] ?? [];
    expect(self, `${path} style-src`).toBe("'self'");
    for (const hash of hashes) expect(hash, `${path} style-src`).toMatch(/^'sha256-[\w+/]+=*'$/);
    const html = await response.text();
    for (const [, text] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(hashes, `${path}: a <style> the CSP allows`).toContain(`'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`);
    expect(directives['object-src'], `${path} object-src`).toEqual(["'none'"]);
    expect(csp, path).not.toContain("'unsafe-inline'");
    expect(csp, path).not.toContain("'unsafe-eval'");
  }
});

test('browsing, a product view and the cart cause no Content-Security-Policy violation', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    window.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  await page.goto('/');
  await waitForGrid(page);
  // A product with colour swatches (their colours are set as styles) and several images.
  await card(page, 'Organic cotton T-shirt').getByRole('link').click();
  const detail = page.locator('[data-detail]');
  await detail.getByRole('button', { name: 'Forest green' }).click();
  await detail.getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartCount(page)).toHaveText('1');
  await detail.getByRole('button', { name: 'Back to products' }).click();
  await waitForGrid(page);
  await cartButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Cart' }).locator('li[part="cart-line"]')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
