// @ts-check
/**
 * The static part of `npm run bench` (alone: `node scripts/bench.mjs static`): where a catalog
 * should stop travelling whole (core/catalog/static-site.ts WHOLE_CATALOG_MAX_PRODUCTS).
 *
 * For each size (BENCH_SIZES, default 100,150,200,300,500 generated products,
 * scripts/bench-catalog.mjs) the same catalog is built twice with `fanshop build`: whole
 * (`--max-whole` above the size) and paged (`--max-whole 0`: first page, search index, shards).
 * A plain file server (node:http, gzip when accepted, no cache) serves both sites, the widget
 * (dist/client) and a host page per site. Then BENCH_RUNS rounds; in each, every site is loaded
 * in turn in a fresh browser context (cold cache), viewport 412x915, no CPU throttling.
 *
 * BENCH_NETWORK=slow4g emulates a phone's network in every page (Chrome DevTools Protocol:
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, as Lighthouse's mobile throttling), where
 * bytes and round trips cost what they cost shoppers; without it, the loopback network.
 *
 * Metrics:
 * - first card: the widget's `fanshop:first-product` mark (navigation start to the first card).
 * - bytes before the first card: the transfer sizes (gzip) of the page and every resource that
 *   ended before that mark (Resource Timing), and of the catalog file alone.
 * - first search: once the network is idle, "espresso" is put in the search box (one input
 *   event); the time from it until the result count's text changed, in a rAF callback. Paged,
 *   this includes fetching the search index and the shards of the cards.
 */
/* global document, requestAnimationFrame -- in functions that run in the page */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generatedCatalog } from './bench-catalog.mjs';
import { launchChromium, median } from './bench-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [100, 150, 200, 300, 500];
const MODES = /** @type {const} */ (['whole', 'paged']);
const NETWORK = process.env.BENCH_NETWORK === 'slow4g' ? { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 } : null;
const TYPES = /** @type {Record<string, string>} */ ({ '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' });

/** The sites built in `dir`, and a server for them. @param {string} dir */
async function startSites(dir) {
  for (const n of SIZES) {
    const file = join(dir, `catalog-${n}.json`);
    writeFileSync(file, JSON.stringify(generatedCatalog(n)));
    for (const mode of MODES) {
      execFileSync(process.execPath, [join(root, 'bin/fanshop.mjs'), 'build', '--catalog', file, '--out', join(dir, `${n}-${mode}`), '--max-whole', mode === 'whole' ? String(n) : '0'], { stdio: 'ignore' });
    }
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    /** @type {string | undefined} */
    let body;
    /** @type {string | null} */
    let file = null;
    const site = /^\/host\/([\w-]+)$/.exec(path);
    if (site) body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bench</title><link rel="icon" href="/favicon.svg"></head><body><div data-fanshop></div><script src="/fanshop.js" data-catalog="/sites/${site[1]}/catalog.json" async></script></body></html>`;
    else if (path.startsWith('/sites/')) file = join(dir, path.slice(7));
    else if (path.startsWith('/images/')) file = join(root, 'public', path);
    else file = join(root, 'dist/client', path);
    if (body === undefined && (!file || !existsSync(file) || !statSync(file).isFile())) return void res.writeHead(404).end();
    const bytes = body === undefined ? readFileSync(/** @type {string} */ (file)) : Buffer.from(body);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'Content-Type': file ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html'], 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(bytes) : bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, stop: () => server.close() };
}

/** One load of a site in a fresh context. @param {import('@playwright/test').Browser} browser @param {string} url */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (NETWORK) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', NETWORK);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('fanshop:first-product').length > 0, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const load = await page.evaluate(() => {
      const firstCard = performance.getEntriesByName('fanshop:first-product')[0]?.startTime ?? NaN;
      const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      const before = resources.filter((r) => r.responseEnd <= firstCard).reduce((n, r) => n + r.transferSize, nav.transferSize);
      const catalog = resources.find((r) => new URL(r.name).pathname.endsWith('/catalog.json'))?.transferSize ?? NaN;
      return { firstCard, bytesBefore: before, catalogBytes: catalog };
    });
    const firstSearch = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const shadow = /** @type {ShadowRoot} */ (document.querySelector('[data-fanshop]')?.shadowRoot);
          const count = () => shadow.querySelector('[part="count"]')?.textContent;
          const input = /** @type {HTMLInputElement} */ (shadow.querySelector('input[type="search"]'));
          const before = count();
          const start = performance.now();
          input.value = 'espresso';
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          const poll = () => (count() !== before ? resolve(performance.now() - start) : requestAnimationFrame(poll));
          requestAnimationFrame(poll);
        }),
    );
    return { ...load, firstSearch: /** @type {number} */ (firstSearch) };
  } finally {
    await context.close();
  }
}

/** The static part: figures per size and mode (medians), and the samples. */
export async function benchStatic(runs = Number(process.env.BENCH_RUNS ?? 7)) {
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-bench-static-'));
  const sites = await startSites(dir);
  const browser = await launchChromium();
  /** @type {Record<string, { firstCard: number[], bytesBefore: number[], catalogBytes: number[], firstSearch: number[] }>} */
  const samples = {};
  const loadBefore = loadavg()[0] ?? NaN;
  try {
    for (let run = 0; run < runs; run++) {
      for (const n of SIZES) {
        // Alternating which mode goes first, so neither always meets a warmer machine.
        for (const mode of run % 2 ? [...MODES].reverse() : MODES) {
          const r = await measure(browser, `${sites.url}/host/${n}-${mode}`);
          const s = (samples[`${n} ${mode}`] ??= { firstCard: [], bytesBefore: [], catalogBytes: [], firstSearch: [] });
          s.firstCard.push(r.firstCard);
          s.bytesBefore.push(r.bytesBefore);
          s.catalogBytes.push(r.catalogBytes);
          s.firstSearch.push(r.firstSearch);
        }
      }
    }
  } finally {
    await browser.close();
    sites.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const sizes = Object.fromEntries(Object.entries(samples).map(([key, s]) => [key, { firstCardMs: median(s.firstCard), bytesBeforeFirstCard: median(s.bytesBefore), catalogBytes: median(s.catalogBytes), firstSearchMs: median(s.firstSearch) }]));
  return { runs, network: process.env.BENCH_NETWORK ?? 'loopback', loadAverage: { before: loadBefore, after: loadavg()[0] ?? NaN }, sizes, samples };
}

/** A table for people. @param {Awaited<ReturnType<typeof benchStatic>>} result */
export function staticTable(result) {
  const rows = Object.entries(result.sizes).map(([key, s]) => `${key.padEnd(10)} ${String(s.firstCardMs).padStart(8)} ${String(s.bytesBeforeFirstCard).padStart(10)} ${String(s.catalogBytes).padStart(9)} ${String(s.firstSearchMs).padStart(9)}`);
  return [`static sites, ${result.runs} runs, ${result.network}, load average ${result.loadAverage.before.toFixed(2)} -> ${result.loadAverage.after.toFixed(2)}`, 'products   firstCard  bytes<card   catalog    search', ...rows].join('\n');
}
