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
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

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

/** @param {number} n */
function generatedCatalog(n) {
  const demo = JSON.parse(readFileSync(new URL('public/catalog.json', root), 'utf8'));
  const products = Array.from({ length: n }, (_, i) => {
    const p = structuredClone(demo.products[i % demo.products.length]);
    p.id = `${p.id}-${i}`;
    for (const v of p.variants ?? []) v.id = `${v.id}-${i}`;
    if (p.images) for (const img of p.images) img.src = `/${img.src}`;
    return p;
  });
  return { ...demo, products };
}

/** @param {number} port @param {Record<string, string>} env */
async function startServer(port, env = {}) {
  const child = spawn(process.execPath, ['dist/server/node.mjs'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/catalog.json`)).ok) return child;
    } catch {}
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

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN) * 100) / 100;
};

/**
 * POST /api/checkout on the 1,000-product server (its local test-mode Stripe behind it):
 * latency one request at a time (p50, p99) and throughput with 10 in flight. Each request buys
 * different products, so no idempotent replay makes it cheaper than a real one.
 * @param {{ products: { id: string, variants?: { id: string }[], stock?: number }[] }} catalog @param {number} lines
 */
async function checkoutLoad(catalog, lines) {
  /** @param {{ stock?: number }} x */
  const inStock = (x) => x.stock === undefined || x.stock > 2;
  const buyable = catalog.products
    .filter((p) => /** @type {{ availability?: string }} */ (p).availability !== 'out_of_stock' && (p.variants?.length ? p.variants.some((v) => inStock(/** @type {{ stock?: number }} */ (v))) : inStock(p)))
    .map((p) => ({ productId: p.id, variantId: p.variants?.find((v) => inStock(/** @type {{ stock?: number }} */ (v)))?.id ?? null }));
  let n = 0;
  const body = () => {
    const chosen = Array.from({ length: lines }, (_, i) => buyable[(n * lines + i) % buyable.length]);
    n++;
    return JSON.stringify({
      lines: chosen.map((p) => ({ ...p, quantity: 1 })),
      returnUrl: 'http://127.0.0.1:8792/shop',
    });
  };
  const once = async () => {
    const t = performance.now();
    const res = await fetch('http://127.0.0.1:8792/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:8792' }, body: body() });
    await res.arrayBuffer();
    // Server-Timing tells how long the (local) Stripe call took; the rest is the server's own.
    const stripeMs = Number(/stripe;dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? NaN);
    return { ms: performance.now() - t, status: res.status, ownMs: performance.now() - t - stripeMs };
  };
  for (let i = 0; i < 20; i++) await once(); // warm up
  const latencies = [];
  const own = [];
  const statuses = new Set();
  for (let i = 0; i < 200; i++) {
    const r = await once();
    latencies.push(r.ms);
    own.push(r.ownMs);
    statuses.add(r.status);
  }
  const total = 400;
  let started = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (started++ < total) statuses.add((await once()).status);
  }));
  const seconds = (performance.now() - t0) / 1000;
  return { statuses: [...statuses], p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), serverOwnP99Ms: quantile(own, 0.99), requestsPerSecond: Math.round(total / seconds) };
}

const big = generatedCatalog(1000);
const dir = mkdtempSync(join(tmpdir(), 'fanshop-bench-'));
const bigFile = join(dir, 'catalog-1000.json');
writeFileSync(bigFile, JSON.stringify(big));

const demoServer = await startServer(8791);
const bigServer = await startServer(8792, { FANSHOP_CATALOG: bigFile, FANSHOP_CHECKOUT_RATE_LIMIT: '1000000', FANSHOP_DATA_DIR: join(dir, 'data') });
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
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
  const checkout = { oneLine: await checkoutLoad(big, 1), twentyLines: await checkoutLoad(big, 20) };
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        firstCardMs: median(firstCard),
        catalog1000: { serverParsedMs: median(serverParsed), browserParsedMs: median(browserParsed), nodeParseMs: median(nodeParse) },
        checkout,
        samples: { firstCard, serverParsed, browserParsed },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  demoServer.kill();
  bigServer.kill();
}
