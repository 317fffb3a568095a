import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { ownServer } from './own-server';
import { openNodeData } from '../src/server/data/node';
import type { Review } from '../src/server/reviews/store';

/**
 * The merchant's studio on a server of the spec's own, whose catalog is a file
 * (FANSHOP_CATALOG) and whose password is set: log in, drop a real-shaped Shopify export, see
 * the products and the rows left out, download the catalog, save it over the file, and find the
 * imported products in the shop. Axe and screenshots on the login, import and moderation views.
 */
const PASSWORD = 'e2e studio password 7c1f';
const { origin, catalogPath, whileStopped } = ownServer(14, readFileSync('public/catalog.json', 'utf8'), { FANSHOP_ADMIN_PASSWORD: PASSWORD });
const shopifyExport = readFileSync('src/core/import/fixtures/shopify-current.csv');

async function expectNoViolations(page: Page, view: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(summary, `axe violations in ${view}`).toEqual([]);
}

async function logIn(page: Page) {
  await page.goto(`${origin}/studio#/import`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Import products' })).toBeVisible();
}

/** Drops `file` on the import view's drop zone, as a merchant drags it from the desktop. */
async function drop(page: Page, name: string, bytes: Buffer) {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      return data;
    },
    { name, text: bytes.toString('utf8') },
  );
  await page.locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
}

test('the import journey: log in, drop a Shopify export, see products and problems, download, save, and the shop shows them', async ({ page, consoleErrors }) => {
  test.slow();
  await page.goto(`${origin}/studio`);
  const password = page.getByLabel('Password');
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password is not right. Check it and try again.');
  await expectNoViolations(page, 'the login form with its error');
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    await snap(page, `studio-login-${width}`);
  }

  await logIn(page);
  await drop(page, 'products_export.csv', shopifyExport);
  const found = page.getByRole('table', { name: /3 products with 6 variants found in products_export\.csv/ });
  await expect(found).toBeVisible();
  for (const title of ['Tour Hoodie', 'Enamel Mug', 'Signed Poster']) await expect(found.getByRole('rowheader', { name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 rows were left out or need a look' })).toBeVisible();
  await expect(page.locator('.problems li')).toHaveText([/^Line 11: the product "Sticker Pack" is a draft/, /^Line 12: the price "abc" is not a number/]);
  await expectNoViolations(page, 'the import view with its outcome');
  for (const width of [320, 520, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
    expect(widths.page, `the import view's width at ${width}px`).toBeLessThanOrEqual(widths.window);
    await snap(page, `studio-import-${width}`);
  }

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download catalog.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('catalog.json');
  const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8')) as { products: { title: unknown }[] };
  expect(downloaded.products.map((p) => p.title)).toEqual(['Tour Hoodie', 'Enamel Mug', 'Signed Poster']);

  const before = readFileSync(catalogPath, 'utf8');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Save as the shop’s catalog' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved: the shop now shows these 3 products. The old catalog is kept as ${catalogPath}.bak.`);
  expect(readFileSync(`${catalogPath}.bak`, 'utf8')).toBe(before);
  // The import kept the shop's currency, language and address, not the importer's placeholders.
  const [old, saved] = [before, readFileSync(catalogPath, 'utf8')].map((text) => (JSON.parse(text) as { shop: { currency: string; defaultLocale: string; baseUrl: string } }).shop);
  expect(saved).toMatchObject({ currency: old!.currency, defaultLocale: old!.defaultLocale, baseUrl: old!.baseUrl });

  // The server reads its file again when it changes (within a second).
  await expect.poll(async () => {
    await page.goto(`${origin}/shop`);
    return page.locator('article[part="card"]').count();
  }, { timeout: 15_000 }).toBe(3);
  await expect(page.locator('article[part="card"]').filter({ hasText: 'Tour Hoodie' })).toBeVisible();
  // The imported images are on Shopify's CDN, which the strict CSP of the demo pages refuses.
  expect(consoleErrors.filter((e) => !/cdn\.shopify\.com|Content Security Policy|Failed to load resource/.test(e))).toEqual([]);
});

test('moderation: approve and hide reviews, and show a hidden one again, in the browser’s English or German, without axe violations', async ({ browser }) => {
  test.slow();
  // Two reviews held for the merchant, written into the server's database while it is stopped.
  const now = new Date().toISOString();
  const review = (id: string, rating: Review['rating'], text: string): Review => ({ id, productId: 'tour-hoodie', variantId: null, orderId: `cs_test_${id}`, rating, text, name: 'Ana', language: 'en', status: 'pending', createdAt: now, updatedAt: now });
  await whileStopped(async (dataDir) => {
    const data = await openNodeData({ FANSHOP_DATA_DIR: dataDir, DATABASE_URL: undefined });
    try {
      await data.reviews.createReview(review('e2e-good', 5, 'Warm and soft, exactly as pictured.'));
      await data.reviews.createReview(review('e2e-rude', 1, 'Spam spam spam.'));
    } finally {
      await data.close();
    }
  });
  for (const lang of ['en', 'de'] as const) {
    const de = lang === 'de';
    const context = await browser.newContext({ locale: de ? 'de-DE' : 'en-US' });
    const page = await context.newPage();
    await page.goto(`${origin}/studio#/reviews`);
    await page.getByLabel(de ? 'Passwort' : 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: de ? 'Anmelden' : 'Log in' }).click();
    await expect(page.getByRole('button', { name: de ? /^Wartend/ : /^Waiting/ })).toHaveAttribute('aria-pressed', 'true');
    if (!de) {
      await expect(page.locator('.review')).toHaveCount(2);
      await expectNoViolations(page, 'the moderation view with waiting reviews');
      await snap(page, 'studio-reviews-en-waiting-1280', { fullPage: true });
      await page.locator('.review').filter({ hasText: 'Warm and soft' }).getByRole('button', { name: 'Approve' }).click();
      await expect(page.getByRole('status')).toHaveText('Published.');
      await page.locator('.review').filter({ hasText: 'Spam' }).getByRole('button', { name: 'Hide' }).click();
      await expect(page.getByRole('status')).toHaveText('Hidden.');
      await expect(page.getByText('No review is waiting for you.')).toBeVisible();
      await expect(page.getByRole('table', { name: 'Average rating per product' }).getByRole('row').nth(1)).toContainText('★ 5.0');
    }
    await page.getByRole('button', { name: de ? /^Ausgeblendet \(1\)/ : /^Hidden \(1\)/ }).click();
    await expect(page.locator('.review')).toHaveCount(1);
    await expectNoViolations(page, `the hidden reviews (${lang})`);
    for (const width of [320, 520, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await snap(page, `studio-reviews-${lang}-${width}`);
    }
    if (de) {
      await page.getByRole('button', { name: 'Wieder zeigen' }).click();
      await expect(page.getByRole('status')).toHaveText('Veröffentlicht.');
      await expect(page.getByText('Keine Bewertung ist ausgeblendet.')).toBeVisible();
    }
    await page.getByRole('button', { name: de ? 'Abmelden' : 'Log out' }).click();
    await expect(page.getByLabel(de ? 'Passwort' : 'Password')).toBeVisible();
    await context.close();
  }
});

test('the password is in no file of the built client', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  for (const file of files('dist/client')) expect(readFileSync(file).includes(PASSWORD), file).toBe(false);
});
