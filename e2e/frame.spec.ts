import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * `/frame` embeds the shop in a 520px iframe through fanshop-frame.js, like a Facebook Page
 * tab or a site builder. The loader sizes the iframe to the shop's content, so the shopper
 * never scrolls inside a frame, and it listens to no one but its own iframe.
 */

const frameElement = (page: Page) => page.locator('[data-fanshop-frame] iframe');

async function heights(page: Page) {
  const iframe = await frameElement(page).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frameElement(page)
    .contentFrame()
    .locator('body')
    .evaluate((body) => ({ scrollHeight: document.documentElement.scrollHeight, content: body.getBoundingClientRect().height }));
  return { iframe, ...inner };
}

/** Waits until the iframe is as tall as the shop inside it: no inner scrollbar, no empty space. */
async function expectFitted(page: Page) {
  await expect
    .poll(async () => {
      const h = await heights(page);
      return Math.max(Math.abs(h.iframe - h.scrollHeight), Math.abs(h.iframe - h.content));
    })
    .toBeLessThanOrEqual(3);
  return (await heights(page)).iframe;
}

test('the framed shop has a title, is at most 520px wide and grows to the height of its content', async ({ page, consoleErrors }) => {
  await page.goto('/frame');
  const iframe = frameElement(page);
  await expect(iframe).toHaveAttribute('title', /\S/);
  await expect(iframe).toHaveAttribute('title', 'Nordlicht Supply shop');
  const shop = iframe.contentFrame();
  await expect(shop.locator('article[part="card"]')).toHaveCount(31);

  const height = await expectFitted(page);
  expect(height).toBeGreaterThan(3 * 640);
  const box = (await iframe.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(520);
  expect(box.width).toBeGreaterThan(400);
  expect(consoleErrors).toEqual([]);
});

test('the iframe shrinks when a category filter leaves only a few products', async ({ page }) => {
  await page.goto('/frame');
  const shop = frameElement(page).contentFrame();
  await expect(shop.locator('article[part="card"]')).toHaveCount(31);
  const full = await expectFitted(page);

  await shop.getByRole('button', { name: 'Breakfast & pantry' }).click();
  await expect(shop.locator('article[part="card"]')).toHaveCount(5);
  await expect.poll(async () => (await heights(page)).iframe).toBeLessThan(full / 2);
  await expectFitted(page);
});

test('a resize message that does not come from the shop’s iframe is ignored', async ({ page }) => {
  await page.goto('/frame');
  const shop = frameElement(page).contentFrame();
  await expect(shop.locator('article[part="card"]')).toHaveCount(31);
  const before = await expectFitted(page);

  // Posted by the host window itself: the right shape and origin, but not the iframe's window.
  // Listeners run in the order they were added, so when ours hears the message the loader's
  // listener has already handled it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('message', () => resolve(), { once: true });
        window.postMessage({ fanshop: 1, type: 'resize', height: 5 }, '*');
      }),
  );
  expect((await heights(page)).iframe).toBe(before);
  await expect(frameElement(page)).not.toHaveCSS('height', '5px');
});

// `%E0` is half a UTF-8 character: a link mangled on its way names no product, and the host
// page still gets its shop, at the grid.
test('a host page whose #/p/ link is malformed still shows the framed shop', async ({ page, consoleErrors }) => {
  await page.goto('/frame#/p/%E0');
  const shop = frameElement(page).contentFrame();
  await expect(shop.locator('article[part="card"]')).toHaveCount(31);
  await expect(frameElement(page)).not.toHaveAttribute('src', /[?&]product=/);
  expect(consoleErrors).toEqual([]);
});
