// @ts-check
/**
 * `npm run bench`: Playwright-driven timings of the built shop in Chromium, printed as JSON.
 * Every figure is the median of RUNS runs, each in a fresh browser context (cold caches).
 *
 * - firstCardMs: navigation start to the first product card (the widget's
 *   `fanshop:first-product` mark) on /shop with the demo catalog, parsed by the server.
 * - catalog1000.serverParsed: catalog fetch done to first card for a generated 1,000-product
 *   catalog the server parsed (the browser only renders).
 * - catalog1000.browserParsed: the same catalog from "static hosting" (the raw file), so the
 *   widget loads its checker, parses 1,000 products and renders.
 * - catalog1000.nodeParseMs: parseCatalog() of that file in Node, for the server's share.
 * - checkout: what the server adds to POST /api/checkout, with Stripe in its own process; how it
 *   is measured is in scripts/bench-checkout.mjs and in the output's `checkout.method`.
 *
 * `node scripts/bench.mjs checkout` runs the checkout part alone (no browser).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { benchCheckout } from './bench-checkout.mjs';
import { generatedCatalog } from './bench-catalog.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = new URL('..', import.meta.url);
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const value = s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return Math.round(value * 10) / 10;
};

/** @param {number} port @param {Record<string, string>} env */
async function startServer(port, env = {}) {
  const child = spawn(process.execPath, ['dist/server/node.mjs'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/catalog.json`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`[bench] the server on port ${port} did not start; run npm run build first`);
}

/** @param {import("@playwright/test").Browser} browser @param {string} url @param {(page: import("@playwright/test").Page) => Promise<unknown>} [prepare] */
async function marks(browser, url, prepare) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  await page.goto(url);
  await page.locator('article[part="card"]').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('fanshop:first-product').length > 0);
  const result = await page.evaluate(() => {
    const at = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { fetched: at('fanshop:catalog-fetched'), first: at('fanshop:first-product') };
  });
  await context.close();
  return result;
}

const big = generatedCatalog(1000);
const dir = mkdtempSync(join(tmpdir(), 'fanshop-bench-'));
const bigFile = join(dir, 'catalog-1000.json');
writeFileSync(bigFile, JSON.stringify(big));

if (process.argv[2] === 'checkout') {
  console.log(JSON.stringify({ checkout: await benchCheckout(root, bigFile, big, dir) }, null, 2));
  process.exit(0);
}

const demoServer = await startServer(8791);
const bigServer = await startServer(8792, { FANSHOP_CATALOG: bigFile, FANSHOP_DATA_DIR: join(dir, 'data') });
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
/** @type {{ firstCardMs: number, catalog1000: Record<string, number>, samples: Record<string, number[]> }} */
let browserTimings;
try {
  const firstCard = [];
  const serverParsed = [];
  const browserParsed = [];
  const bigText = JSON.stringify(big);
  for (let i = 0; i < RUNS; i++) {
    firstCard.push((await marks(browser, 'http://127.0.0.1:8791/shop')).first);
    const s = await marks(browser, 'http://127.0.0.1:8792/shop');
    serverParsed.push(s.first - s.fetched);
    // Static hosting: the raw file, as a plain web server would send it.
    const b = await marks(browser, 'http://127.0.0.1:8792/shop', (page) =>
      page.route('**/catalog.json*', (route) => route.fulfill({ contentType: 'application/json', body: bigText })),
    );
    browserParsed.push(b.first - b.fetched);
  }
  const { parseCatalog } = await import(new URL('dist/server/catalog.mjs', root).href);
  const nodeParse = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = parseCatalog(JSON.parse(bigText));
    nodeParse.push(performance.now() - t);
    if (!r.ok) throw new Error('[bench] the generated catalog did not parse');
  }
  browserTimings = {
    firstCardMs: median(firstCard),
    catalog1000: { serverParsedMs: median(serverParsed), browserParsedMs: median(browserParsed), nodeParseMs: median(nodeParse) },
    samples: { firstCard, serverParsed, browserParsed },
  };
} finally {
  await browser.close();
  demoServer.kill();
  bigServer.kill();
}
// After the browser and its servers are gone, so that they do not share the cores with it.
const checkout = await benchCheckout(root, bigFile, big, dir);
const { samples, ...timings } = browserTimings;
console.log(JSON.stringify({ runs: RUNS, ...timings, checkout, samples }, null, 2));
