import type { APIRequestContext } from '@playwright/test';
import { cards, expect, test } from './fixtures';

/**
 * The first view costs only what it needs: until the first product card is on screen, the page
 * fetches fanshop.js, fanshop.mjs with the chunks it imports statically, and the message table
 * of the shop's language (which mount() loads in parallel with the catalog), followed through
 * their static imports. The product view, the cart and the rest arrive after the first paint.
 * scripts/size.mjs counts the same files for the size budget.
 *
 * The pages whose first view the server renders (/shop, the Page tab, /p/<id>) need less: the
 * HTML and the stylesheet its shadow root links, and no script at all before the first card.
 */

/** Static `import … from` / `import "…"` / `export … from` of a built module; not `import()`. */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`;()]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.mjs)["'`]/g;

async function staticGraph(request: APIRequestContext, file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const response = await request.get(`/${file}`);
  expect(response.ok(), `/${file}`).toBe(true);
  for (const [, spec] of (await response.text()).matchAll(STATIC_IMPORT)) await staticGraph(request, spec!.slice(2), seen);
  return seen;
}

test('before the first product card, only the loader, the widget module, its static chunks and the message table load', async ({ page, request }) => {
  // Note when the first card enters the shop's shadow root, in the page's own clock, so that
  // code fetched right after the first paint (product view, cart) does not count.
  await page.addInitScript(() => {
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      const observer = new MutationObserver(() => {
        if (!root.querySelector('article[part="card"]')) return;
        (window as unknown as { firstCardAt: number }).firstCardAt ??= performance.now();
        observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await page.goto('/');
  await expect(cards(page).first()).toBeVisible();

  const { fetched, hostStylesheets } = await page.evaluate(() => {
    const firstCardAt = (window as unknown as { firstCardAt: number }).firstCardAt;
    return {
      fetched: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < firstCardAt)
        .map((entry) => new URL(entry.name))
        .filter((url) => /\.(m?js|css)$/.test(url.pathname))
        .map((url) => url.pathname.slice(1)),
      // The merchant page's own stylesheet is not the widget's.
      hostStylesheets: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (l) => new URL(l.href).pathname.slice(1)),
    };
  });
  const widgetFiles = [...new Set(fetched)].filter((f) => !hostStylesheets.includes(f)).sort();
  console.log(`[initial-load] JS and CSS fetched before the first product card:\n  ${widgetFiles.join('\n  ')}`);

  // The message table is loaded by import() in mount(); its file name has a hash.
  const widget = await (await request.get('/fanshop.mjs')).text();
  const messages = /\.\/(fanshop-en-[\w-]+\.mjs)/.exec(widget)?.[1];
  expect(messages, 'fanshop.mjs imports the English message table').toBeDefined();
  const expected = new Set(['fanshop.js', ...(await staticGraph(request, 'fanshop.mjs')), ...(await staticGraph(request, messages!))]);

  expect(widgetFiles).toEqual([...expected].sort());
  expect(widgetFiles.filter((f) => /ProductDetail|CartDrawer/.test(f))).toEqual([]);
});

test('a server-rendered /shop shows its first card before any script: only the page and its stylesheet are needed', async ({ page }) => {
  // Hold every script back: the first card must show without them.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.m?js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  // Not `load`: that waits for the held scripts.
  const response = await page.goto('/shop', { waitUntil: 'domcontentloaded' });
  await expect(cards(page).first()).toBeVisible();
  const fetched = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\.(m?js|css)$/.test(path)),
  );
  console.log(`[initial-load] server-rendered /shop, fetched before the first card:\n  ${fetched.join('\n  ')}`);
  const stylesheet = /<link rel="stylesheet" href="(\/fanshop-first-view-[\w-]{8}\.css)">/.exec(await response!.text())?.[1];
  expect(stylesheet).toBeDefined();
  // The demo page's own stylesheet, and the widget's first view's: no script.
  expect(fetched.sort()).toEqual(['/demo/shop-page.css', stylesheet!].sort());
  const css = await page.request.get(stylesheet!);
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(css.headers()['content-type']).toMatch(/^text\/css/);
  release();
});
