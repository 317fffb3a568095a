import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { card, cartButton, cartCount, expect, payOnTestStripe, test, waitForGrid } from './fixtures';
import { ownServer } from './own-server';

/**
 * Two fans want the shop's last pour-over dripper. One of them, in German on a slow phone (the
 * CPU throttled 6x), put it in the cart first but is slower to pay; the other buys it. The
 * German fan is told in German that it has just sold out, and after a reload the card says
 * Ausverkauft and the cart has given it up with a notice, keeping the rest of the cart.
 *
 * A server of its own, on an empty database, with the demo catalog (one dripper in stock).
 */
const { origin } = ownServer(6, readFileSync('public/catalog.json', 'utf8'));

async function slowPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
}

test('the last unit goes to one fan; the other is told in German, and the card and cart follow', async ({ browser }) => {
  test.slow();
  const german = await browser.newContext({ locale: 'de-DE' });
  const other = await browser.newContext({ locale: 'en-US' });
  try {
    const slow = await german.newPage();
    await slowPhone(slow);
    await slow.goto(`${origin}/shop`);
    await waitForGrid(slow);
    await card(slow, 'Keramik-Handfilter').getByRole('button', { name: 'In den Warenkorb' }).click();
    await card(slow, 'Bircher-Müsli Mischung').getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect(cartCount(slow)).toHaveText('2');

    const fast = await other.newPage();
    await fast.goto(`${origin}/shop`);
    await waitForGrid(fast);
    await card(fast, 'Ceramic pour-over dripper').getByRole('button', { name: 'Add to cart' }).click();
    await cartButton(fast).click();
    await fast.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
    await payOnTestStripe(fast, '4242 4242 4242 4242');
    await expect(fast.getByText('Thank you! Your order of €24.90 is confirmed: Ceramic pour-over dripper.')).toBeVisible();
    // The order took the last unit; the buyer is not told it sold out.
    await expect(fast.getByText(/sold out/)).toHaveCount(0);

    // The German fan presses Checkout on the cart they filled before the sale.
    await cartButton(slow).click();
    const cart = slow.getByRole('dialog', { name: 'Warenkorb' });
    await cart.getByRole('button', { name: 'Zur Kasse' }).click();
    await expect(cart.getByText('Dieser Artikel ist gerade ausverkauft. Bitte entferne ihn.')).toBeVisible();
    await expect(slow).toHaveURL(`${origin}/shop`);

    // A reload: the card says so, and the cart has let the dripper go and kept the muesli.
    await slow.reload();
    await waitForGrid(slow);
    const dripper = card(slow, 'Keramik-Handfilter');
    await expect(dripper.locator('[part="badge"]')).toHaveText('Ausverkauft');
    await expect(dripper.getByRole('button', { name: 'Benachrichtigen' })).toBeVisible();
    await expect(slow.getByText('Keramik-Handfilter ist ausverkauft und wurde aus deinem Warenkorb entfernt.')).toBeVisible();
    await expect(cartCount(slow)).toHaveText('1');
    for (const width of [320, 520, 1280]) {
      await slow.setViewportSize({ width, height: 800 });
      await slow.screenshot({ path: `test-results/screenshots/last-unit-sold-out-de-${width}.png` });
    }

    // The fan who bought it sees it sold out too, on the card and on its shared page.
    await fast.reload();
    await waitForGrid(fast);
    await expect(card(fast, 'Ceramic pour-over dripper').locator('[part="badge"]')).toHaveText('Sold out');
    await expect(card(fast, 'Ceramic pour-over dripper').getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
    const shared = await (await fast.request.get(`${origin}/p/ceramic-pour-over-dripper`, { headers: { 'Accept-Language': 'en' } })).text();
    expect(shared).toContain('<p class="availability sold-out">');
  } finally {
    await german.close();
    await other.close();
  }
});
