// @ts-check
/**
 * `npm run size`: the gzip size of everything the browser fetches before the first product card
 * shows, for the built widget in dist/client and the built server, and a failure above a budget.
 *
 * 1. The script tag with its Fanshop server (the README's snippet): the loader (fanshop.js) asks
 *    for the catalog with the shop's first view ahead of it (src/widget/embed.ts,
 *    server/pages/first-view.ts `embedFirstView`), shows that HTML with its stylesheet, and only
 *    then asks for fanshop.mjs. Before the first card: fanshop.js, the answer's head and HTML (the
 *    envelope follows in the same answer) and the stylesheet. Budget: BUDGET, 12,000.
 * 2. The pages the server renders (/shop, the Page tab, /p/<id>): the HTML up to the end of the
 *    declarative shadow root (the browser attaches it, and shows the cards, when its </template>
 *    is parsed), with the stylesheets inside it (server/pages/inline-styles.ts); no JavaScript
 *    and no other file. Budget: BUDGET.
 * 3. A shop the widget renders itself (a catalog from static hosting or another origin, or
 *    `Fanshop.mount()` from a module): fanshop.js, fanshop.mjs and every chunk it imports
 *    statically, and the message table of the shop's language. Budget: RENDERED_BUDGET.
 * e2e/initial-load.spec.ts checks in Chromium that these are exactly what is fetched.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSync } from 'rolldown/experimental';

/** What the first card needs with a Fanshop server: paths 1 and 2 above (issue 12). */
export const BUDGET = 12_000;

/**
 * Path 3. 16,400: 16,000 until the foundation work (issue 8) added to the first view what it must hold,
 * the error state's words for when the message table itself cannot load and the start of the
 * cart keeper for the way back from Stripe (+165 B); then the grid of a big catalog browsed
 * through its server (issue 12: results, "Show more" and a failed search's Retry, +320 B). The
 * next step is 12,000 (issue 12), by a first view the server renders. 16,600: that first view
 * (issue 12) made the pages Facebook traffic lands on need no JavaScript before their first card;
 * the widget's own first view grew by what recognises a server-rendered one and hands it to
 * shop/hydrate.ts (a chunk of its own, loaded only there), +220 B. 16,700: cards out of sight
 * skip layout and paint (content-visibility: a keystroke at 10,000 products showed its results
 * at a median of 67 ms instead of 97), and a failed search is told where the shopper looks, +15 B.
 * 17,700: the loader starts the catalog's request and shows a first view the server sends with
 * it (path 1), +820 B in fanshop.js; the widget hydrates it, +130 B in fanshop.mjs. 17,850: a
 * new list of results shows its first 8 cards in the keystroke's frame and the rest after it
 * (ui/Browse.tsx), +80 B in fanshop.mjs; the loader asks for fanshop.mjs only once a first view
 * on screen is painted (its compiling held /shop's first card back), +68 B in fanshop.js.
 * 18,100: reviews from verified buyers (issue 10), +239 B (en 17,991, de 18,062) over main at
 * e00279d (17,752 and 17,823), with the demo catalog, which has no reviews: the way to the
 * review form of `#/review/<token>` (router, App, its lazy part: ~95 B); the catalog's ratings
 * in the store, and what loads a rated card's stars (ui/rating-part.ts) and renders them with
 * the card (~90 B with their style), so that nothing arrives after the first paint and nothing
 * moves; the stars' code and sentence load only for a shop with ratings. The form, the list
 * and their texts are lazy chunks. Paths 1 and 2, the first views of a shop with its Fanshop
 * server (the only shops with reviews), grew by 5 to 7 B. 18,200: a card says "Coming soon"
 * instead of "Sold out" where the catalog says so, and either offers "Notify me" (the words in
 * each table, the button, the rule of coming soon), +99 B en, +105 B de; the recommendation rows
 * and the Notify me form come after the first paint and cost it nothing. 18,250: a new list's
 * cards out of sight wait until the browser is idle (requestIdleCallback, with a timeout where
 * there is none), so a key typed before then replaces them unrendered, +61 B: keystroke to
 * painted p95 at 10,000 products 44 ms instead of 64 (issue 12's bench, one run). 17,910:
 * issue 10's bytes won back, -336 B (en 17,804, de 17,881, from 18,140 and 18,217) with nothing
 * taken from the first view: what only later parts use left fanshop.mjs for chunks that load
 * with them, a new list's staging and the search event (ui/list-changes.ts, with the search's
 * and the big catalog's code), a bad catalog's console report (shop/catalog-problems.ts), the
 * cart's sums (core/money/arithmetic.ts) and findVariant (core/catalog/find-variant.ts), the
 * stars' rule (rating.css, adopted as they render); the styles lost Lightning CSS's unused
 * light-dark() variables (paths 1 and 2 shrank by 15 to 18 B too), and label overrides
 * (messagesFor) and lazy()'s retry cost fewer bytes.
 */
export const RENDERED_BUDGET = 17_910;
/** The loader's `view` parameter for the README's snippet on a page in this language (src/widget/embed.ts). */
export const snippetView = (/** @type {string} */ pageLang) => JSON.stringify([null, { catalog: '/catalog.json' }, {}, pageLang]);

const dir = new URL('../dist/client/', import.meta.url);

/** @param {string} file */
const read = (file) => readFileSync(new URL(file, dir));
/** @param {string} file */
export const gzipBytes = (file) => gzipSync(read(file), { level: 9 }).length;

/**
 * The file and every module it imports statically, recursively.
 * @param {string} file
 * @param {Set<string>} seen
 */
export function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const { module } = parseSync(file, read(file).toString('utf8'));
  for (const imp of module.staticImports) staticGraph(new URL(imp.moduleRequest.value, new URL(file, 'file:///')).pathname.slice(1), seen);
  for (const exp of module.staticExports) {
    for (const entry of exp.entries) if (entry.moduleRequest) staticGraph(new URL(entry.moduleRequest.value, new URL(file, 'file:///')).pathname.slice(1), seen);
  }
  return seen;
}

/** The chunk whose name starts with `fanshop-<name>-`. @param {string} name */
export function chunk(name) {
  const file = readdirSync(dir).find((f) => f.startsWith(`fanshop-${name}-`) && f.endsWith('.mjs'));
  if (!file) throw new Error(`[fanshop] no chunk "${name}" in dist/client: run npm run build`);
  return file;
}

/** @param {Iterable<string>} files */
const total = (files) => [...files].reduce((n, f) => n + gzipBytes(f), 0);

export function initialFiles(language = 'en') {
  return ['fanshop.js', ...staticGraph('fanshop.mjs'), ...staticGraph(chunk(language))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = ['en', 'de'].map((language) => ({ language, files: new Set(initialFiles(language)) }));
  const rendered = Math.max(...rows.map((r) => total(r.files)));
  for (const { language, files } of rows) {
    console.log(`rendered by the widget (${language}): ${total(files)} bytes gzip`);
    for (const f of files) console.log(`  ${f.padEnd(40)} ${String(gzipBytes(f)).padStart(6)}`);
  }
  const checker = staticGraph(chunk('untrusted-catalog'));
  const staticHosting = total(new Set([...initialFiles('de'), ...checker]));
  console.log(`  a catalog from static hosting (checked in the browser): ${staticHosting} bytes gzip`);
  // <fanshop-shop> (src/widget/element.ts): its own small module, then path 3's files without fanshop.js.
  const element = new Set(['fanshop-element.js', ...[...(rows[1]?.files ?? [])].filter((f) => f !== 'fanshop.js')]);
  console.log(`  <fanshop-shop> (de): ${total(element)} bytes gzip (fanshop-element.js ${gzipBytes('fanshop-element.js')} instead of fanshop.js)`);
  const lazy = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !rows.some((r) => r.files.has(f)));
  console.log(`on demand: ${lazy.map((f) => `${f.replace(/-[\w-]{8}\.mjs$/, '')} ${gzipBytes(f)}`).join(', ')}`);
  const served = await fromServer();
  for (const [language, figure] of served.embed) {
    console.log(`script tag with its server (${language}): ${figure.total} bytes gzip before the first card (fanshop.js ${figure.loader} + head and HTML ${figure.html} + ${figure.css.name} ${figure.css.bytes}; whole answer with the catalog ${figure.answer})`);
  }
  for (const [language, figure] of served.pages) {
    console.log(`server-rendered /shop (${language}): ${figure.total} bytes gzip before the first card, no JavaScript (HTML to </template> with its stylesheets inside; whole page ${figure.page})`);
  }
  const worst = Math.max(...[...served.embed, ...served.pages].map(([, f]) => f.total));
  const verdict = (/** @type {number} */ n, /** @type {number} */ budget) => (n <= budget ? 'within' : 'OVER');
  console.log(`size: ${worst} bytes gzip before the first product card with a Fanshop server, budget ${BUDGET}: ${verdict(worst, BUDGET)}`);
  console.log(`size: ${rendered} bytes gzip before the first product card rendered by the widget, budget ${RENDERED_BUDGET}: ${verdict(rendered, RENDERED_BUDGET)}`);
  if (worst > BUDGET || rendered > RENDERED_BUDGET) process.exitCode = 1;
}

/**
 * What the first card needs from the built server (dist/server/node.mjs, on a free port with an
 * empty data directory), asked as a browser would, per language: the script tag's first view
 * (path 1) and a server-rendered /shop (path 2).
 */
async function fromServer() {
  const data = mkdtempSync(join(tmpdir(), 'fanshop-size-'));
  const server = spawn(process.execPath, [new URL('../dist/server/node.mjs', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FANSHOP_DATA_DIR: data },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const origin = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const url = /on (http:\/\/[^\s]+)/.exec(out)?.[1];
        if (url) resolve(url.replace('localhost', '127.0.0.1'));
      });
      server.on('exit', (code) => reject(new Error(`[fanshop] the server exited (${code}) before listening`)));
    });
    const gz = (/** @type {string | Buffer} */ body) => gzipSync(body, { level: 9 }).length;
    /** @type {[string, { loader: number; html: number; css: { name: string; bytes: number }; total: number; answer: number }][]} */
    const embed = [];
    for (const language of ['en', 'de']) {
      const answer = await fetch(`${origin}/catalog.json?fanshop=1&view=${encodeURIComponent(snippetView(language))}`, { headers: { 'Accept-Language': language } });
      if (!answer.headers.get('content-type')?.startsWith('text/vnd.fanshop.first-view')) throw new Error('[fanshop] the catalog answer has no first view for the loader');
      const text = await answer.text();
      const start = text.indexOf('\n') + 1;
      const head = JSON.parse(text.slice(0, start));
      const css = { name: head.stylesheet, bytes: gzipBytes(head.stylesheet) };
      const html = gz(text.slice(0, start + head.length));
      const loader = gzipBytes('fanshop.js');
      embed.push([language, { loader, html, css, total: loader + html + css.bytes, answer: gz(text) }]);
    }
    /** @type {[string, { total: number; page: number }][]} */
    const pages = [];
    for (const language of ['en', 'de']) {
      const text = await (await fetch(`${origin}/shop`, { headers: { 'Accept-Language': language } })).text();
      const end = text.indexOf('</template>');
      if (end < 0) throw new Error('[fanshop] /shop has no server-rendered first view');
      const first = text.slice(0, end + '</template>'.length);
      // Everything before the first card is in it: a linked stylesheet or a script would be another request.
      if (/<link rel="stylesheet"|<script src/.test(first)) throw new Error('[fanshop] /shop links a file before its first card; the budget counts its HTML alone');
      pages.push([language, { total: gz(first), page: gz(text) }]);
    }
    return { embed, pages };
  } finally {
    const exited = new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    server.kill();
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}
