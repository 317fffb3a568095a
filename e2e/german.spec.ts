import type { FrameLocator, Page } from '@playwright/test';
import { card, cards, cartButton, expect, hostPage, test, waitForGrid } from './fixtures';

/**
 * The shop speaks German when the merchant asks for it (`?locale=de` on the full page, which
 * becomes `data-locale`) or when the host page is German (`<html lang="de">`): labels, catalog
 * texts and euro amounts as Germans write them ("5,90 €").
 */

// "jetzt" is the screen-reader prefix of a sale price; "ab" marks a price range.
const germanPrice = /^(jetzt )?(ab )?\d{1,3}(\.\d{3})*,\d{2}\s€$/;

async function expectGermanShop(page: Page) {
  await waitForGrid(page);
  await expect(cartButton(page)).toContainText('Warenkorb');
  await expect(page.getByRole('searchbox', { name: 'Produkte suchen' })).toBeVisible();
  await expect(cards(page).first().getByRole('button', { name: 'In den Warenkorb' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Alle', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('31 Produkte')).toBeVisible();

  const muesli = card(page, 'Bircher-Müsli Mischung');
  await expect(muesli).toBeVisible();
  await expect(muesli.locator('[part="price-now"]')).toHaveText('5,90 €');
  for (const price of await page.locator('[part="card"] [part="price-now"]').allTextContents()) expect(price.trim()).toMatch(germanPrice);
  await expect(page.locator('[part="card"] [part="price-now"]').first()).toHaveText(/\d+,\d{2}\s€/);

  // A sold-out product and a product's detail view are German too.
  await expect(card(page, 'Emaillebecher, limitierte Auflage').locator('[part="badge"]')).toHaveText('Ausverkauft');
  await expect(card(page, 'Emaillebecher, limitierte Auflage').getByRole('button', { name: 'Benachrichtigen' })).toBeVisible();
  await muesli.getByRole('link').click();
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: 'Bircher-Müsli Mischung' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Zurück zu den Produkten' })).toBeVisible();
  await detail.getByRole('button', { name: 'In den Warenkorb' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'In den Warenkorb gelegt: Bircher-Müsli Mischung' })).toBeAttached();
}

test('the full-page shop with ?locale=de is in German with German prices', async ({ page }) => {
  await page.goto('/shop?locale=de');
  await expectGermanShop(page);
});

test('a host page in German gets the shop in German without any setting', async ({ page }) => {
  await hostPage(page, '/de-host.html', `<h1>Unser Laden</h1><script src="/fanshop.js" data-catalog="/catalog.json" async></script>`, { lang: 'de' });
  await page.goto('/de-host.html');
  await expectGermanShop(page);
});

/**
 * A German browser (navigator.languages and Accept-Language say de-DE) gets the pages the
 * server renders in German, `<html lang="de">`, and so the shop in German; `?locale=en` asks
 * for English instead. A merchant's own page that says `lang="en"` keeps its English shop: the
 * page's language is the merchant's choice.
 */
test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  async function expectShopIn(where: Page | FrameLocator, language: 'de' | 'en') {
    const [cart, add, count] = language === 'de' ? ['Warenkorb', 'In den Warenkorb', '31 Produkte'] : ['Cart', 'Add to cart', '31 products'];
    await expect(where.locator('article[part="card"]').first()).toBeVisible();
    await expect(where.getByRole('button', { name: new RegExp(`^${cart}`) })).toBeVisible();
    await expect(where.locator('article[part="card"]').first().getByRole('button', { name: add })).toBeVisible();
    await expect(where.getByText(count, { exact: true })).toBeVisible();
  }

  for (const path of ['/shop', '/facebook/tab']) {
    test(`${path} is in German`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expectShopIn(page, 'de');
    });

    test(`${path}?locale=en is in English`, async ({ page }) => {
      await page.goto(`${path}?locale=en`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectShopIn(page, 'en');
    });
  }

  test('/frame is in German, and so is the shop in its frame', async ({ page }) => {
    await page.goto('/frame');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expectShopIn(page.frameLocator('iframe'), 'de');
  });

  test('/frame?locale=en is in English, and so is the shop in its frame', async ({ page }) => {
    await page.goto('/frame?locale=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectShopIn(page.frameLocator('iframe'), 'en');
  });

  test('a merchant page that says lang="en" keeps its shop in English', async ({ page }) => {
    await hostPage(page, '/en-host.html', `<h1>Our shop</h1><script src="/fanshop.js" data-catalog="/catalog.json" async></script>`, { lang: 'en' });
    await page.goto('/en-host.html');
    await expectShopIn(page, 'en');
  });
});
