// @ts-check
/**
 * The pages part of `npm run bench` (alone: `node scripts/bench.mjs pages`): the shop beside a
 * static page with the same cards and no JavaScript, at 31, 1,000 and 10,000 generated products
 * (scripts/bench-catalog.mjs), measured interleaved in one run so that both see the same machine.
 *
 * For each size: the built server (`dist/server/node.mjs`, that size's catalog) and a static
 * reference server (node:http, gzip when accepted) with one page: the shop's first 48 cards
 * (image, title, price) as plain HTML, the same image files, no script. Then BENCH_RUNS rounds;
 * in each, every size's static page and /shop are loaded BENCH_FIRST_CARDS times (3) in turns,
 * which of them goes first alternating, each in a fresh browser context (cold cache), viewport
 * 412x915 at device pixel ratio 1, no CPU throttling. The last load of each page in a round also
 * measures the heap, and on /shop the typing.
 *
 * Metrics (the same code runs in both pages, injected before the page's own scripts):
 * - first card: performance.now() in the first animation frame callback (rAF) in which an
 *   `article[part="card"]` exists, in the document or in the shop's shadow root; the median of
 *   every load. Beside it, the first contentful paint (Paint Timing), the paint of that frame
 *   on both pages, and the page's own request (Navigation Timing).
 * - keystroke latency (shop only): typing "espresso", clearing the field (Ctrl+A, Backspace),
 *   then "müsli", a key every 150 ms. From the input event's `timeStamp` to the rAF callback of
 *   the first frame after the result count's text (`[part="count"]`) or the grid's first card
 *   changed ("frame"), and to a message posted from that callback, which runs once the frame's
 *   style, layout and paint are done ("painted"). A keystroke with no update of its own (its
 *   results look the same as before, or a later keystroke's update came first, as with a
 *   debounced search) is counted but not timed by this measure. The clearing Backspace is
 *   reported on its own, since it brings every card back.
 * - every keystroke to next paint: Event Timing's duration of each `input` event (to the next
 *   paint after its handlers, in 8 ms steps; under 16 ms the API reports nothing, counted as
 *   16). It times every key, also those whose results look the same, but not an update that
 *   comes later, such as a debounced search's.
 * - long tasks while typing: PerformanceObserver `longtask`, from the first key until the last
 *   update; also the longest during load.
 * - heap: once the grid shows and the network has been idle for 500 ms, CDP
 *   HeapProfiler.collectGarbage then Runtime.getHeapUsage (usedSize); again after the typing.
 * - where the shop's time goes: the catalog request's response start and end (Resource
 *   Timing) and the widget's own marks (`fanshop:catalog-fetched`, after the JSON is read).
 *
 * BENCH_BEFORE=<a dist directory of an earlier build> (its server/node.mjs; inside the
 * repository, so that it finds node_modules) adds that build's /shop to every round, measured
 * the same way and interleaved with the others, and prints its figures too: before and after
 * a change from one run on one machine.
 */
/* global window, document, requestAnimationFrame, MutationObserver -- in functions that run in the page */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generatedCatalog } from './bench-catalog.mjs';
import { systemChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url);
// BENCH_SIZES=100,101 compares a catalog that travels whole with the smallest one browsed by pages.
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [31, 1000, 10_000];
/** The shop's first page of cards (Browse.tsx). */
const CARDS = 48;
const VIEWPORT = { width: 412, height: 915 };
const QUERIES = ['espresso', 'müsli'];
const KEY_PAUSE_MS = 150;
/**
 * Loads of each page per round for the first card (BENCH_FIRST_CARDS): one load's first card
 * varies by ±20 ms from one load to the next (the first frame of a new renderer), more than the
 * 10 to 20 ms between the pages, so a median of 7 swung the ratio from 1.17x to 1.43x from run
 * to run. The heap and the typing are measured once per round, on the last of them.
 */
const FIRST_CARDS = Number(process.env.BENCH_FIRST_CARDS ?? 3);
/** The pause after a load's context is closed, before the next load (`closed`). */
const SETTLE_MS = 300;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** The system's Chromium when there is one, else Playwright's own. @param {string[]} [extraArgs] */
export function launchChromium(extraArgs = []) {
  const executablePath = systemChromium();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** @param {number[]} xs @param {number} q nearest rank */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? NaN;
};
/** @param {number} x */
const round = (x) => Math.round(x * 10) / 10;
/** @param {number[]} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return round(s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2);
};

/** A port nothing listens on now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The built Node server on a free port, its catalog read and parsed once before it is measured.
 * @param {Record<string, string>} [env] such as FANSHOP_CATALOG and FANSHOP_DATA_DIR
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startShopServer(env = {}, entry = 'dist/server/node.mjs') {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/catalog.json?fanshop=1`)).ok) return { url, stop: () => stopped(child) };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`[bench] the server on port ${port} did not start; run npm run build first\n${stderr}`);
}

/**
 * Stops a child process and waits for it to exit (its data directory can be removed then).
 * @param {import('node:child_process').ChildProcess} child
 */
function stopped(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return /** @type {Promise<void>} */ (
    new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    })
  );
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The static reference page: the shop's first cards as plain HTML, in the markup the bench
 * looks for (`article part="card"`), priced as the card prices them (offer.ts, in short).
 * @param {import('../src/core/catalog/types').Catalog} catalog
 */
function staticPage(catalog) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: catalog.shop.currency });
  const cards = catalog.products.slice(0, CARDS).map((p) => {
    const buyable = p.variants.filter((v) => v.stock === undefined || v.stock > 0);
    const prices = (buyable.length ? buyable : p.variants).map((v) => v.price);
    const price = prices.length ? Math.min(...prices) : p.price;
    const from = p.variants.some((v) => v.price !== price) ? 'from ' : '';
    const image = p.images[0];
    const title = escapeHtml(p.title.en ?? Object.values(p.title)[0] ?? '');
    return `<li><article class="card" part="card" data-product-id="${escapeHtml(p.id)}">
<a href="/p/${encodeURIComponent(p.id)}" tabindex="-1" aria-hidden="true">${image ? `<img src="${escapeHtml(image.src)}" alt="" width="${image.width}" height="${image.height}" loading="lazy" decoding="async">` : ''}</a>
<h2><a href="/p/${encodeURIComponent(p.id)}">${title}</a></h2>
<p class="price">${from}${escapeHtml(format.format(price / 100))}</p>
</article></li>`;
  });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Nordlicht Supply (static reference)</title>
    <style>
      body { margin: 0; font: 16px/1.4 system-ui, sans-serif; color: #1d1d1f; }
      main { max-width: 1280px; margin: 0 auto; padding: 16px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
      img { display: block; width: 100%; height: auto; aspect-ratio: 1; border-radius: 8px; background: #f2f2f2; }
      h2 { font-size: 15px; margin: 8px 0 4px; }
      a { color: inherit; text-decoration: none; }
      .price { margin: 0; font-weight: 600; }
    </style>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(String(catalog.shop.name.en ?? ''))}</h1>
      <p part="count">${catalog.products.length} products</p>
      <ul role="list">
${cards.join('\n')}
      </ul>
    </main>
  </body>
</html>
`;
}

/**
 * A plain web server for the reference page and the shop's image files, gzip when accepted
 * (as the shop's server compresses HTML and SVG).
 * @param {import('../src/core/catalog/types').Catalog} catalog
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
async function startStaticServer(catalog) {
  const page = Buffer.from(staticPage(catalog));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    /** @type {Buffer} */
    let body;
    let type;
    try {
      if (path === '/') [body, type] = [page, 'text/html; charset=utf-8'];
      else if (/^\/images\/[\w.-]+\.svg$/.test(path)) [body, type] = [readFileSync(new URL(`public${path}`, root)), 'image/svg+xml'];
      else throw new Error('not found');
    } catch {
      res.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, stop: () => server.close() };
}

/**
 * What the injected code records in a page, as `window.__bench`.
 * @typedef {{ at: number, value: string, frame: number | null, painted: number | null, by: string | null }} KeyRecord
 * @typedef {{ firstCard: number, longTasks: { start: number, duration: number }[], inputEvents: { start: number, duration: number }[], keys: KeyRecord[] }} PageRecord
 */

/**
 * Runs in every measured page before its own scripts (page.addInitScript): the first-card
 * frame, long tasks, and per keystroke the frame that shows its results. See the file's comment.
 */
function instrumentPage() {
  /** @type {PageRecord} */
  const bench = { firstCard: NaN, longTasks: [], inputEvents: [], keys: [] };
  Object.defineProperty(window, '__bench', { value: bench });
  const shadow = () => document.querySelector('[data-fanshop]')?.shadowRoot ?? null;
  /** @param {string} selector */
  const find = (selector) => document.querySelector(selector) ?? shadow()?.querySelector(selector) ?? null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Event Timing: each input event's time to the next paint, over 16 ms (the API's floor).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'input') bench.inputEvents.push({ start: e.startTime, duration: e.duration });
    }).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16, buffered: true }));
  } catch {
    // No long task or Event Timing API: none reported.
  }
  const poll = () => {
    if (find('article[part="card"]')) bench.firstCard = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  const onScreen = () => ({ count: find('[part="count"]')?.textContent ?? null, first: find('article[part="card"]')?.getAttribute('data-product-id') ?? null });
  /** @type {ReturnType<typeof onScreen>} */
  let shown = onScreen();
  /** @type {MutationObserver | undefined} */
  let observer;
  const changed = () => {
    const now = onScreen();
    if (now.count === shown.count && now.first === shown.first) return;
    const by = now.count !== shown.count ? 'count' : 'first card';
    shown = now;
    const pending = bench.keys.filter((k) => k.by === null);
    const key = pending.at(-1);
    if (!key) return;
    // Earlier keystrokes still waiting had no update of their own.
    for (const k of pending) k.by = 'none';
    key.by = by;
    requestAnimationFrame(() => {
      key.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (key.painted = performance.now());
      channel.port2.postMessage(null);
    });
  };
  // Capture on the document: the input event is composed, so it arrives here from the shadow
  // root before the widget's own handler has run.
  document.addEventListener(
    'input',
    (event) => {
      const root = shadow();
      if (!root) return;
      if (!observer) {
        shown = onScreen();
        observer = new MutationObserver(changed);
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      }
      const target = /** @type {HTMLInputElement} */ (event.composedPath()[0]);
      bench.keys.push({ at: event.timeStamp, value: target.value, frame: null, painted: null, by: null });
    },
    true,
  );
}

/**
 * Where a page's first card came: the frame that first had it (the bench's figure), the first
 * contentful paint (Paint Timing), and the page's own request (Navigation Timing), in ms from
 * navigation start.
 * @typedef {{ requestStart: number, responseStart: number, responseEnd: number }} DocumentTiming
 * @typedef {{ firstCard: number, firstPaint: number, document: DocumentTiming }} FirstCard
 */

/**
 * Opens a page in a fresh context (cold cache) and waits for its first card.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, page: import('@playwright/test').Page, cdp: import('@playwright/test').CDPSession, first: FirstCard }>}
 */
async function open(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrumentPage);
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    const firstCard = await page.waitForFunction(() => /** @type {PageRecord} */ (/** @type {any} */ (window).__bench).firstCard || null, null, { timeout: 120_000 });
    const at = Number(await firstCard.jsonValue());
    // The paint entry comes with the frame's paint, a little after the frame began.
    const firstPaint = await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, null, { timeout: 5000 })
      .then(async (handle) => Number(await handle.jsonValue()))
      .catch(() => NaN);
    const document = await page.evaluate(() => {
      const n = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return { requestStart: n.requestStart, responseStart: n.responseStart, responseEnd: n.responseEnd };
    });
    return { context, page, cdp, first: { firstCard: at, firstPaint, document } };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * One page load for its first card only.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 * @returns {Promise<FirstCard>}
 */
async function firstCardOnly(browser, url) {
  const { context, first } = await open(browser, url);
  await closed(context);
  return first;
}

/**
 * Closes a page's context and lets its renderer go before the next load: a load that began while
 * the last one's renderer was still exiting came later, by how much depending on that page
 * (in one run, /shop's first card took a median 63 ms after /shop and 77 ms after the static
 * page; the static page's 59 ms and 65 ms).
 * @param {import('@playwright/test').BrowserContext} context
 */
async function closed(context) {
  await context.close();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/**
 * One page load in a fresh context: its first card and heap, and whatever `more` measures.
 * @template {object} T
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {(page: import('@playwright/test').Page, cdp: import('@playwright/test').CDPSession) => Promise<T>} more
 * @returns {Promise<FirstCard & { heapMB: number } & T>}
 */
async function load(browser, url, more) {
  const { context, page, cdp, first } = await open(browser, url);
  try {
    await page.waitForLoadState('networkidle');
    const heapMB = await heapUsed(cdp);
    return { ...first, heapMB, ...(await more(page, cdp)) };
  } finally {
    await closed(context);
  }
}

/** @param {import('@playwright/test').CDPSession} cdp */
async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/**
 * On /shop, after the load: where its time went (the catalog request, the widget's marks), then
 * the typing and the heap after it.
 * @param {import('@playwright/test').Page} page @param {import('@playwright/test').CDPSession} cdp
 */
async function shopDetails(page, cdp) {
  const loading = await page.evaluate(() => {
    const bench = /** @type {PageRecord} */ (/** @type {any} */ (window).__bench);
    const catalog = /** @type {PerformanceResourceTiming | undefined} */ (performance.getEntriesByType('resource').find((e) => e.name.includes('/catalog.json')));
    return {
      catalogResponseStart: catalog?.responseStart ?? NaN,
      catalogResponseEnd: catalog?.responseEnd ?? NaN,
      catalogRead: performance.getEntriesByName('fanshop:catalog-fetched')[0]?.startTime ?? NaN,
      catalogTransferKB: (catalog?.transferSize ?? NaN) / 1024,
      catalogBodyKB: (catalog?.decodedBodySize ?? NaN) / 1024,
      longestLoadTask: Math.max(0, ...bench.longTasks.map((t) => t.duration)),
    };
  });
  await page.locator('[data-fanshop] input[type="search"]').focus();
  const start = await page.evaluate(() => performance.now());
  for (const [i, query] of QUERIES.entries()) {
    if (i > 0) {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await settled(page);
    }
    // A key every KEY_PAUSE_MS whether or not the page has handled the last one, as a person
    // types: a long task makes the next keys wait, and that wait counts in their latency.
    const keys = [];
    for (const ch of query) {
      keys.push(page.keyboard.type(ch));
      await new Promise((r) => setTimeout(r, KEY_PAUSE_MS));
    }
    await Promise.all(keys);
    await settled(page);
  }
  const typing = await page.evaluate((from) => {
    const { keys, longTasks, inputEvents } = /** @type {PageRecord} */ (/** @type {any} */ (window).__bench);
    return {
      keys: keys.map((k) => ({
        value: k.value,
        by: k.by ?? 'none',
        frameMs: k.frame === null ? null : k.frame - k.at,
        paintedMs: k.painted === null ? null : k.painted - k.at,
        // No entry: under the API's 16 ms floor.
        nextPaintMs: inputEvents.find((e) => Math.abs(e.start - k.at) < 1)?.duration ?? null,
      })),
      longTasks: longTasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration),
    };
  }, start);
  return { ...loading, ...typing, heapAfterSearchMB: await heapUsed(cdp) };
}

/**
 * Until the last keystroke's update is painted (a debounced search updates later), or 1.5 s
 * passed with none (its results looked the same as before).
 * @param {import('@playwright/test').Page} page
 */
async function settled(page) {
  await page
    .waitForFunction(() => {
      const last = /** @type {PageRecord} */ (/** @type {any} */ (window).__bench).keys.at(-1);
      return last?.painted != null;
    }, null, { timeout: 1500 })
    .catch(() => {});
  await new Promise((r) => setTimeout(r, KEY_PAUSE_MS));
}

/**
 * @typedef {Awaited<ReturnType<typeof shopDetails>> & FirstCard & { heapMB: number }} ShopSample
 * @typedef {FirstCard & { heapMB: number }} StaticSample
 */

/** @param {number} [runs] */
export async function benchPages(runs = Number(process.env.BENCH_RUNS ?? 7)) {
  const loadStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-bench-pages-'));
  const { parseCatalog } = await import(new URL('dist/server/catalog.mjs', root).href);
  const before = process.env.BENCH_BEFORE ? join(process.env.BENCH_BEFORE, 'server/node.mjs') : undefined;
  /**
   * Per size: the full loads (first card, heap, and on the shops the typing), and every load's
   * first card, theirs and the quick ones'.
   * @type {{ size: number, shop: { url: string, stop: () => Promise<void> }, beforeShop?: { url: string, stop: () => Promise<void> }, reference: { url: string, stop: () => void }, static: StaticSample[], shopSamples: ShopSample[], beforeSamples: ShopSample[], firstCards: { static: FirstCard[], shop: FirstCard[], before: FirstCard[] } }[]}
   */
  const sites = [];
  /** @type {import('@playwright/test').Browser | undefined} */
  let browser;
  try {
    for (const size of SIZES) {
      const catalog = generatedCatalog(size);
      const file = join(dir, `catalog-${size}.json`);
      writeFileSync(file, JSON.stringify(catalog));
      const parsed = parseCatalog(catalog);
      if (!parsed.ok) throw new Error(`[bench] the generated ${size}-product catalog did not parse`);
      const shop = await startShopServer({ FANSHOP_CATALOG: file, FANSHOP_DATA_DIR: join(dir, `data-${size}`) });
      const beforeShop = before ? await startShopServer({ FANSHOP_CATALOG: file, FANSHOP_DATA_DIR: join(dir, `data-before-${size}`) }, before) : undefined;
      const firstCards = { static: [], shop: [], before: [] };
      sites.push({ size, shop, beforeShop, reference: await startStaticServer(parsed.catalog), static: [], shopSamples: [], beforeSamples: [], firstCards });
    }
    const chromium = (browser = await launchChromium());
    for (let run = 0; run < runs; run++) {
      for (const [i, site] of sites.entries()) {
        const { beforeShop, firstCards } = site;
        /** @type {[keyof typeof firstCards, string, (url: string) => Promise<FirstCard>][]} */
        const pages = [
          ['static', `${site.reference.url}/`, async (url) => pushed(site.static, await load(chromium, url, async () => ({})))],
          ['shop', `${site.shop.url}/shop`, async (url) => pushed(site.shopSamples, await load(chromium, url, shopDetails))],
          ...(beforeShop ? [/** @type {[keyof typeof firstCards, string, (url: string) => Promise<FirstCard>]} */ (['before', `${beforeShop.url}/shop`, async (/** @type {string} */ url) => pushed(site.beforeSamples, await load(chromium, url, shopDetails))])] : []),
        ];
        // Each page's first card FIRST_CARDS times (the last load with the heap and the typing), in
        // turns; which page goes first alternates by turn, round and size.
        for (let turn = 0; turn < FIRST_CARDS; turn++) {
          const first = (run + i + turn) % pages.length;
          for (const [name, url, full] of [...pages.slice(first), ...pages.slice(0, first)]) {
            firstCards[name].push(turn === FIRST_CARDS - 1 ? await full(url) : await firstCardOnly(chromium, url));
          }
        }
      }
      process.stderr.write(`[bench] pages: round ${run + 1} of ${runs} done\n`);
    }
  } finally {
    await browser?.close();
    for (const site of sites) {
      await site.shop.stop();
      await site.beforeShop?.stop();
      site.reference.stop();
    }
    // The catalogs and the servers' databases: hundreds of MB.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
  const sizes = sites.map((site) => sizeSummary(site.size, site.static, site.shopSamples, site.firstCards.static, site.firstCards.shop, runs));
  const beforeSizes = before ? sites.map((site) => sizeSummary(site.size, site.static, site.beforeSamples, site.firstCards.static, site.firstCards.before, runs)) : undefined;
  return {
    runs,
    firstCardLoadsPerRound: FIRST_CARDS,
    viewport: `${VIEWPORT.width}x${VIEWPORT.height} @1x, no CPU throttling`,
    loadAverage: { start: loadStart.map(round2), end: loadavg().map(round2), cores: cpus().length },
    ...verdict(sizes),
    ...(beforeSizes ? { before: { build: before, ...verdict(beforeSizes) } } : {}),
    samples: Object.fromEntries(sites.map((site) => [site.size, { static: site.static, shop: site.shopSamples, ...(before ? { before: site.beforeSamples } : {}), firstCards: site.firstCards }])),
  };
}

/** @template T @param {T[]} list @param {T} item @returns {T} */
function pushed(list, item) {
  list.push(item);
  return item;
}

/** @param {number} x */
const round2 = (x) => Math.round(x * 100) / 100;

/** The sizes' figures, and issue 12's goals met or not. @param {ReturnType<typeof sizeSummary>[]} sizes */
function verdict(sizes) {
  const small = sizes[0];
  const big = sizes.at(-1);
  if (!small || !big) throw new Error('[bench] no sizes measured');
  const scale = round2(big.shopFirstCardMs / small.shopFirstCardMs);
  return {
    sizes,
    shopFirstCardLargestOverSmallest: scale,
    goals: {
      [`first card at ${big.size} within 1.2x of ${small.size}`]: scale <= 1.2,
      [`heap at ${big.size} under 8 MB`]: big.shop.heapMB < 8,
      [`no long task over 50 ms while typing at ${big.size}`]: big.keystrokes.longestTaskWhileTypingMs <= 50,
      [`keystroke to painted p95 within 50 ms at ${big.size}`]: big.keystrokes.paintedMs.p95 <= 50,
      [`/shop first card within 1.3x of the static page at ${small.size}`]: small.ratio <= 1.3,
    },
  };
}

/**
 * @param {number} size @param {StaticSample[]} reference @param {ShopSample[]} shop the full loads
 * @param {FirstCard[]} referenceFirst @param {FirstCard[]} shopFirst every load's first card
 * @param {number} runs
 */
function sizeSummary(size, reference, shop, referenceFirst, shopFirst, runs) {
  // Characters typed; the clearing Backspace (back to every product) is reported on its own.
  const keys = shop.flatMap((s) => s.keys.filter((k) => k.value !== ''));
  const clears = shop.flatMap((s) => s.keys.filter((k) => k.value === ''));
  const timed = keys.flatMap((k) => (k.frameMs !== null && k.paintedMs !== null ? [{ frameMs: k.frameMs, paintedMs: k.paintedMs }] : []));
  const longTasks = shop.flatMap((s) => s.longTasks);
  /** @template T @param {T[]} xs @param {(x: T) => number} f */
  const med = (xs, f) => median(xs.map(f));
  const staticFirstCardMs = med(referenceFirst, (s) => s.firstCard);
  const shopFirstCardMs = med(shopFirst, (s) => s.firstCard);
  const staticFirstPaintMs = med(referenceFirst, (s) => s.firstPaint);
  const shopFirstPaintMs = med(shopFirst, (s) => s.firstPaint);
  /** @param {FirstCard[]} xs the page's own request: sent, its first byte, its last byte */
  const documentTiming = (xs) => [med(xs, (s) => s.document.requestStart), med(xs, (s) => s.document.responseStart), med(xs, (s) => s.document.responseEnd)];
  return {
    size,
    firstCardLoads: { static: referenceFirst.length, shop: shopFirst.length },
    staticFirstCardMs,
    shopFirstCardMs,
    ratio: round2(shopFirstCardMs / staticFirstCardMs),
    /** The first contentful paint (Paint Timing), which on both pages has the first cards. */
    staticFirstPaintMs,
    shopFirstPaintMs,
    firstPaintRatio: round2(shopFirstPaintMs / staticFirstPaintMs),
    /** Navigation Timing, ms from navigation start. */
    document: { static: documentTiming(referenceFirst), shop: documentTiming(shopFirst) },
    staticHeapMB: med(reference, (s) => s.heapMB),
    shop: {
      catalogResponseStartMs: med(shop, (s) => s.catalogResponseStart),
      catalogResponseEndMs: med(shop, (s) => s.catalogResponseEnd),
      catalogReadMs: med(shop, (s) => s.catalogRead),
      catalogTransferKB: Math.round(med(shop, (s) => s.catalogTransferKB)),
      catalogBodyKB: Math.round(med(shop, (s) => s.catalogBodyKB)),
      longestLoadTaskMs: med(shop, (s) => s.longestLoadTask),
      heapMB: med(shop, (s) => s.heapMB),
      heapAfterSearchMB: med(shop, (s) => s.heapAfterSearchMB),
    },
    keystrokes: {
      typed: keys.length,
      timed: timed.length,
      frameMs: { p50: med(timed, (k) => k.frameMs), p95: round(quantile(timed.map((k) => k.frameMs), 0.95)) },
      paintedMs: {
        p50: med(timed, (k) => k.paintedMs),
        p95: round(quantile(timed.map((k) => k.paintedMs), 0.95)),
        max: round(Math.max(...timed.map((k) => k.paintedMs))),
      },
      nextPaintMs: {
        p50: med(keys, (k) => k.nextPaintMs ?? 16),
        p95: round(quantile(keys.map((k) => k.nextPaintMs ?? 16), 0.95)),
        max: round(Math.max(...keys.map((k) => k.nextPaintMs ?? 16))),
      },
      firstKeyNextPaintMs: med(shop, (s) => s.keys[0]?.nextPaintMs ?? 16),
      clearPaintedMs: med(clears, (k) => k.paintedMs ?? NaN),
      longTasksWhileTypingPerRun: round(longTasks.length / runs),
      longestTaskWhileTypingMs: round(Math.max(0, ...longTasks)),
    },
  };
}

/** The pages figures as a table for people (the JSON has every sample). @param {Awaited<ReturnType<typeof benchPages>>} result */
export function pagesTable(result) {
  const { sizes } = result;
  /** @param {string} label @param {(s: (typeof sizes)[number]) => unknown} cell */
  const row = (label, cell) => [label, ...sizes.map((s) => String(cell(s)))];
  const rows = [
    row('products', (s) => s.size.toLocaleString('en')),
    row('first card, static page (ms)', (s) => s.staticFirstCardMs),
    row('first card, /shop (ms)', (s) => s.shopFirstCardMs),
    row('shop / static', (s) => `${s.ratio}x`),
    row('  loads measured, static / shop', (s) => `${s.firstCardLoads.static} / ${s.firstCardLoads.shop}`),
    row('  first contentful paint, static / shop (ms)', (s) => `${s.staticFirstPaintMs} / ${s.shopFirstPaintMs} (${s.firstPaintRatio}x)`),
    row('  page request sent / first byte / last byte, static (ms)', (s) => s.document.static.join(' / ')),
    row('  page request sent / first byte / last byte, /shop (ms)', (s) => s.document.shop.join(' / ')),
    row('  catalog response start / end (ms)', (s) => `${s.shop.catalogResponseStartMs} / ${s.shop.catalogResponseEndMs}`),
    row('  catalog JSON read (fanshop:catalog-fetched, ms)', (s) => s.shop.catalogReadMs),
    row('  catalog transfer / body (KB)', (s) => `${s.shop.catalogTransferKB} / ${s.shop.catalogBodyKB}`),
    row('  longest task during load (ms)', (s) => s.shop.longestLoadTaskMs),
    row('JS heap after load, shop / static (MB)', (s) => `${s.shop.heapMB} / ${s.staticHeapMB}`),
    row('JS heap after the search (MB)', (s) => s.shop.heapAfterSearchMB),
    row('characters with an update of their own / typed', (s) => `${s.keystrokes.timed} / ${s.keystrokes.typed}`),
    row('keystroke to frame p50 / p95 (ms)', (s) => `${s.keystrokes.frameMs.p50} / ${s.keystrokes.frameMs.p95}`),
    row('keystroke to painted p50 / p95 / max (ms)', (s) => `${s.keystrokes.paintedMs.p50} / ${s.keystrokes.paintedMs.p95} / ${s.keystrokes.paintedMs.max}`),
    row('every keystroke to next paint p50 / p95 / max (ms)', (s) => `${s.keystrokes.nextPaintMs.p50} / ${s.keystrokes.nextPaintMs.p95} / ${s.keystrokes.nextPaintMs.max}`),
    row('first keystroke to next paint (ms)', (s) => s.keystrokes.firstKeyNextPaintMs),
    row('clearing the search (Backspace) to painted (ms)', (s) => s.keystrokes.clearPaintedMs),
    row('long tasks while typing: per run / longest (ms)', (s) => `${s.keystrokes.longTasksWhileTypingPerRun} / ${s.keystrokes.longestTaskWhileTypingMs}`),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (/** @type {string[]} */ r) => r.map((cell, c) => (c ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ');
  const { loadAverage: la } = result;
  return [
    `pages: medians of ${result.runs} interleaved runs, ${result.viewport}; load average ${la.start.join(' ')} at start, ${la.end.join(' ')} at end (${la.cores} cores)`,
    ...rows.map(line),
    `/shop first card, largest catalog / smallest: ${result.shopFirstCardLargestOverSmallest}x`,
    ...Object.entries(result.goals).map(([goal, met]) => `${met ? 'met    ' : 'NOT MET'}  ${goal}`),
  ].join('\n');
}
