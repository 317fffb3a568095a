// @ts-check
/**
 * `npm run lighthouse`: Lighthouse's performance category for `/shop`, a product page
 * (`/p/bircher-muesli-mix`) and the demo merchant's page with the script tag (`/`), demo catalog, the built server started here. Lighthouse's default
 * config is its mobile profile (a Moto G Power's screen, slow 4G and a 4x slower CPU, simulated).
 * Each page RUNS times (LIGHTHOUSE_RUNS, default 3); each figure is the median of its runs.
 * Exits 1 when a page's median performance score is under 95 or its CLS 0.05 or more.
 *
 * The browser is the one the benches use (the system's Chromium, else Playwright's), launched by
 * Playwright with a debugging port that Lighthouse connects to. Lighthouse is pinned at 12.2.3:
 * 13 needs Node 22.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { freePort, launchChromium, median, startShopServer } from './bench-pages.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = ['/shop', '/p/bircher-muesli-mix', '/'];
const GOALS = { performance: 95, cls: 0.05 };

const dir = mkdtempSync(join(tmpdir(), 'fanshop-lighthouse-'));
const server = await startShopServer({ FANSHOP_DATA_DIR: join(dir, 'data') });
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
/** @type {{ page: string, performance: number, cls: number, lcpMs: number, tbtMs: number, fcpMs: number, benchmarkIndex: number }[]} */
const results = [];
try {
  for (const path of PAGES) {
    /** @type {{ performance: number, cls: number, lcp: number, tbt: number, fcp: number, benchmarkIndex: number }[]} */
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.url}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      if (!result) throw new Error(`[lighthouse] no result for ${path}`);
      const { categories, audits, runtimeError, runWarnings, environment } = result.lhr;
      if (runtimeError) throw new Error(`[lighthouse] ${path}: ${runtimeError.code} ${runtimeError.message}`);
      for (const warning of runWarnings) console.error(`[lighthouse] ${path}: ${warning}`);
      const value = (/** @type {string} */ id) => audits[id]?.numericValue ?? NaN;
      runs.push({
        performance: Math.round((categories.performance?.score ?? NaN) * 100),
        cls: value('cumulative-layout-shift'),
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        fcp: value('first-contentful-paint'),
        benchmarkIndex: environment.benchmarkIndex,
      });
    }
    const of = (/** @type {(r: (typeof runs)[number]) => number} */ f) => median(runs.map(f));
    results.push({
      page: path,
      performance: of((r) => r.performance),
      cls: Math.round(median(runs.map((r) => r.cls * 1000))) / 1000,
      lcpMs: Math.round(of((r) => r.lcp)),
      tbtMs: Math.round(of((r) => r.tbt)),
      fcpMs: Math.round(of((r) => r.fcp)),
      // Lighthouse's measure of this machine's CPU speed at the time (higher is faster).
      benchmarkIndex: Math.round(of((r) => r.benchmarkIndex)),
    });
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

console.log(`Lighthouse 12.2.3, ${RUNS > 1 ? `medians of ${RUNS} runs` : '1 run'}, mobile profile (simulated throttling), performance category`);
console.table(results);
const failures = results.flatMap((r) => [
  ...(r.performance < GOALS.performance ? [`${r.page}: performance ${r.performance} is under ${GOALS.performance}`] : []),
  ...(r.cls >= GOALS.cls ? [`${r.page}: CLS ${r.cls} is ${GOALS.cls} or more`] : []),
]);
for (const failure of failures) console.error(`[lighthouse] ${failure}`);
process.exitCode = failures.length ? 1 : 0;
