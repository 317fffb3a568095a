// @ts-check
/**
 * `npm run bench`: timings of the built shop, printed as JSON (tables for people on stderr).
 * Browser figures are medians of RUNS runs (BENCH_RUNS, default 7), each in a fresh browser
 * context (cold caches). Parts, each alone with `node scripts/bench.mjs <part>`:
 *
 * - pages: the shop beside a static page with the same cards and no JavaScript, at 31, 1,000
 *   and 10,000 products, interleaved: first card, keystroke latency, long tasks, heap
 *   (scripts/bench-pages.mjs says how each is measured).
 * - load: on /shop at 1280x900,
 *   - firstCardMs: navigation start to the first product card (the widget's
 *     `fanshop:first-product` mark) with the demo catalog, parsed by the server.
 *   - catalog1000.serverParsed: catalog fetch done to first card for a generated 1,000-product
 *     catalog the server parsed (the browser only renders).
 *   - catalog1000.browserParsed: the same catalog from "static hosting" (the raw file), so the
 *     widget loads its checker, parses 1,000 products and renders.
 *   - catalog1000.nodeParseMs: parseCatalog() of that file in Node, for the server's share.
 * - checkout: what the server adds to POST /api/checkout, with Stripe in its own process; how it
 *   is measured is in scripts/bench-checkout.mjs and in the output's `checkout.method`.
 *
 * - static: a catalog built by `fanshop build` whole and paged, at 100 to 500 products, for the
 *   threshold between them (scripts/bench-static.mjs).
 *
 * Without a part it runs all four, one after the other.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCheckout } from './bench-checkout.mjs';
import { generatedCatalog } from './bench-catalog.mjs';
import { benchPages, launchChromium, median, pagesTable, startShopServer } from './bench-pages.mjs';
import { benchStatic, staticTable } from './bench-static.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PARTS = ['pages', 'load', 'checkout', 'static'];
const part = process.argv[2];
if (part !== undefined && !PARTS.includes(part)) {
  console.error(`[bench] unknown part "${part}"; use one of: ${PARTS.join(', ')}, or none for all`);
  process.exit(2);
}
const root = new URL('..', import.meta.url);

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

/**
 * The load part (see the file's comment).
 * @param {ReturnType<typeof generatedCatalog>} big @param {string} bigFile @param {string} dir
 */
async function benchLoad(big, bigFile, dir) {
  const demoServer = await startShopServer({ FANSHOP_DATA_DIR: join(dir, 'data-demo') });
  const bigServer = await startShopServer({ FANSHOP_CATALOG: bigFile, FANSHOP_DATA_DIR: join(dir, 'data') });
  const browser = await launchChromium();
  try {
    const firstCard = [];
    const serverParsed = [];
    const browserParsed = [];
    const bigText = JSON.stringify(big);
    for (let i = 0; i < RUNS; i++) {
      firstCard.push((await marks(browser, `${demoServer.url}/shop`)).first);
      const s = await marks(browser, `${bigServer.url}/shop`);
      serverParsed.push(s.first - s.fetched);
      // Static hosting: the raw file, as a plain web server would send it.
      const b = await marks(browser, `${bigServer.url}/shop`, (page) =>
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
    return {
      firstCardMs: median(firstCard),
      catalog1000: { serverParsedMs: median(serverParsed), browserParsedMs: median(browserParsed), nodeParseMs: median(nodeParse) },
      samples: { firstCard, serverParsed, browserParsed },
    };
  } finally {
    await browser.close();
    await demoServer.stop();
    await bigServer.stop();
  }
}

const big = generatedCatalog(1000);
const dir = mkdtempSync(join(tmpdir(), 'fanshop-bench-'));
const bigFile = join(dir, 'catalog-1000.json');
writeFileSync(bigFile, JSON.stringify(big));

/** @type {Record<string, unknown>} */
const output = part === 'checkout' ? {} : { runs: RUNS };
/** @type {Record<string, unknown>} */
const samples = {};
if (part === undefined || part === 'pages') {
  const { samples: pageSamples, ...pages } = await benchPages(RUNS);
  console.error(pagesTable({ ...pages, samples: pageSamples }));
  if (pages.before) console.error(`\nthe same run, BENCH_BEFORE's build (${pages.before.build}):\n${pagesTable({ ...pages, ...pages.before, samples: pageSamples })}`);
  output.pages = pages;
  samples.pages = pageSamples;
}
if (part === undefined || part === 'load') {
  const { samples: loadSamples, ...timings } = await benchLoad(big, bigFile, dir);
  Object.assign(output, timings);
  Object.assign(samples, loadSamples);
}
if (part === undefined || part === 'static') {
  const { samples: staticSamples, ...figures } = await benchStatic(RUNS);
  console.error(staticTable({ ...figures, samples: staticSamples }));
  output.static = figures;
  samples.static = staticSamples;
}
// After the browser and its servers are gone, so that they do not share the cores with it.
if (part === undefined || part === 'checkout') output.checkout = await benchCheckout(root, bigFile, big, dir);
// The catalogs and the servers' databases: hundreds of MB.
rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
console.log(JSON.stringify({ ...output, ...(Object.keys(samples).length ? { samples } : {}) }, null, 2));
