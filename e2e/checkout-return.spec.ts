import type { Page } from '@playwright/test';
import { CART_KEY, card, cartButton, cartCount, expect, payOnTestStripe, test, waitForGrid } from './fixtures';

/**
 * Leaving for Stripe and coming back on a busy machine. The saved cart comes back after the
 * first paint, from its own chunk (shop/cart-restore.ts); here that chunk is slow and the CPU
 * six times slower, so the shopper adds, pays or cancels before it has arrived. Whatever the
 * order, the cart that leaves for Stripe is the saved cart, a cancelled checkout brings it back
 * and a paid one empties it for good. When the chunk cannot load at all, the way back still
 * says how the checkout ended.
 */

const RESTORE_CHUNK = /\/fanshop-cart-restore-[\w-]+\.mjs$/;
const MUESLI = { productId: 'bircher-muesli-mix', variantId: null, quantity: 1, unitPrice: 590, title: 'Bircher muesli mix' };
const TOWEL = { productId: 'linen-tea-towel', variantId: null, quantity: 1, unitPrice: 1290, title: 'Linen tea towel' };

/**
 * A machine six times slower whose cart-restore chunk takes 1.8 s to arrive on every page; on
 * the first page it also waits for the test to call the returned `release`, so the shopper's
 * steps before it are sure to come first.
 */
async function busyMachine(page: Page): Promise<() => void> {
  // Three times the test's time (not the assertions'): at a sixth of the CPU, a paid journey
  // (shop, Stripe's page, the way back and a reload) took over 30 s with two workers.
  test.slow();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(RESTORE_CHUNK, async (route) => {
    const wait = [new Promise((resolve) => setTimeout(resolve, 1800)), first ? released : null];
    first = false;
    await Promise.all(wait);
    // A request the page gave up on meanwhile (it went to Stripe) cannot be continued.
    await route.continue().catch(() => {});
  });
  return release;
}

async function savedCart(page: Page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), CART_KEY);
}

/** Puts `lines` in the saved cart before the first load, as an earlier visit would have. */
async function earlierVisit(page: Page, lines: unknown[]) {
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, value);
    },
    { key: CART_KEY, value: JSON.stringify({ v: 1, lines }) },
  );
}

test.describe('on a busy machine', () => {
  test('a new shopper who cancels checkout finds the cart as they left it, saved', async ({ page }) => {
    const release = await busyMachine(page);
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await expect(cartCount(page)).toHaveText('1');
    release();
    await cartButton(page).click();
    await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
    await expect(page.getByText('Test mode: no real payment')).toBeVisible();
    // What left for Stripe is what a reload, or the way back, finds.
    expect(await savedCart(page)).toEqual({ v: 1, lines: [MUESLI] });

    await page.getByRole('link', { name: 'Cancel and return to the shop' }).click();
    await expect(page.getByText('Checkout cancelled. Nothing was charged; your cart is as you left it.')).toBeVisible();
    await expect(cartCount(page)).toHaveText('1');
    expect(await savedCart(page)).toEqual({ v: 1, lines: [MUESLI] });
  });

  test('a returning shopper pays for the saved cart and the line added before it came back, and the cart is empty after', async ({ page }) => {
    await earlierVisit(page, [TOWEL]);
    const release = await busyMachine(page);
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await expect(cartCount(page)).toHaveText('1');
    await cartButton(page).click();
    await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
    // The saved towel arrives only now, after the shopper pressed Checkout.
    release();
    // Both lines are on Stripe's page: the towel saved on the earlier visit and today's muesli.
    await expect(page.getByText('Test mode: no real payment')).toBeVisible();
    await expect(page.getByText('€18.80').first()).toBeVisible();
    await payOnTestStripe(page, '4242 4242 4242 4242');

    await expect(page.getByText(/^Thank you! Your order of €18\.80 is confirmed: /)).toBeVisible();
    await expect(cartCount(page)).toHaveText('0');
    expect(await savedCart(page)).toEqual({ v: 1, lines: [] });
    await page.reload();
    await waitForGrid(page);
    await expect.poll(() => savedCart(page)).toEqual({ v: 1, lines: [] });
    await expect(cartCount(page)).toHaveText('0');
  });
});

test.describe('on a busy machine, in German', () => {
  test.use({ locale: 'de-DE' });

  test('a new shopper who cancels checkout finds the cart as they left it, saved', async ({ page }) => {
    const release = await busyMachine(page);
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Bircher-Müsli Mischung').getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect(cartCount(page)).toHaveText('1');
    release();
    await cartButton(page).click();
    await page.getByRole('dialog', { name: 'Warenkorb' }).getByRole('button', { name: 'Zur Kasse' }).click();
    await expect(page.getByText('Testmodus: keine echte Zahlung')).toBeVisible();
    expect(await savedCart(page)).toMatchObject({ v: 1, lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }] });

    await page.getByRole('link', { name: 'Abbrechen und zurück zum Shop' }).click();
    await expect(page.getByText('Kasse abgebrochen. Es wurde nichts berechnet; dein Warenkorb ist unverändert.')).toBeVisible();
    await expect(cartCount(page)).toHaveText('1');
    expect(await savedCart(page)).toMatchObject({ v: 1, lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }] });
  });
});

test.describe('when the cart-restore chunk cannot load on the way back', () => {
  /** The shopper is on Stripe's page with muesli in the saved cart; from now on the chunk fails. */
  async function atStripeWithMuesli(page: Page) {
    await page.goto('/shop');
    await waitForGrid(page);
    await card(page, 'Bircher muesli mix').getByRole('button', { name: 'Add to cart' }).click();
    await cartButton(page).click();
    await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
    await expect(page.getByText('Test mode: no real payment')).toBeVisible();
    expect(await savedCart(page)).toEqual({ v: 1, lines: [MUESLI] });
    await page.route(RESTORE_CHUNK, (route) => route.abort());
  }

  test('a paid order is still confirmed, and the bought cart does not come back on the next visit', async ({ page }) => {
    await atStripeWithMuesli(page);
    await payOnTestStripe(page, '4242 4242 4242 4242');
    await expect(page.getByText('Thank you! Your order of €5.90 is confirmed: Bircher muesli mix.')).toBeVisible();
    await expect(cartCount(page)).toHaveText('0');
    await expect.poll(() => savedCart(page)).toEqual({ v: 1, lines: [] });

    await page.unroute(RESTORE_CHUNK);
    await page.goto('/shop');
    await waitForGrid(page);
    await expect.poll(() => savedCart(page)).toEqual({ v: 1, lines: [] });
    await expect(cartCount(page)).toHaveText('0');
  });

  test('a cancelled checkout still says nothing was charged, and the saved cart is kept for the next visit', async ({ page }) => {
    await atStripeWithMuesli(page);
    await page.getByRole('link', { name: 'Cancel and return to the shop' }).click();
    await expect(page.getByText('Checkout cancelled. Nothing was charged; your cart is as you left it.')).toBeVisible();
    expect(await savedCart(page)).toEqual({ v: 1, lines: [MUESLI] });

    await page.unroute(RESTORE_CHUNK);
    await page.reload();
    await waitForGrid(page);
    await expect(cartCount(page)).toHaveText('1');
  });
});
