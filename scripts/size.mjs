// @ts-check
/**
 * `npm run size`: the gzip size of everything the browser fetches before the first product
 * card shows, for the built widget in dist/client, and a failure above the budget.
 *
 * The first view needs: fanshop.js (the script-tag loader), fanshop.mjs and every chunk it
 * imports statically (followed recursively), and the message table of the shop's language
 * (both are measured; the larger counts). Everything else arrives after the first paint or on
 * demand. e2e/initial-load.spec.ts checks in Chromium that this is exactly what is fetched.
 *
 * A catalog served by the Fanshop server arrives parsed; from static hosting the widget also
 * fetches the catalog checker before the first card. That figure is printed too.
 *
 * The pages the server renders the first view of (/shop, the Page tab, /p/<id>: issue 12) need
 * no JavaScript before the first card: the HTML up to the end of the declarative shadow root
 * (the browser attaches it, and shows the cards, when its </template> is parsed) and the
 * stylesheet it links. That figure is printed too, from the built server on a free port; the
 * page's rest (the catalog embedded for the widget, the script tag) follows in the same answer.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSync } from 'rolldown/experimental';

/**
 * 16,400: 16,000 until the foundation work (issue 8) added to the first view what it must hold,
 * the error state's words for when the message table itself cannot load and the start of the
 * cart keeper for the way back from Stripe (+165 B); then the grid of a big catalog browsed
 * through its server (issue 12: results, "Show more" and a failed search's Retry, +320 B). The
 * next step is 12,000 (issue 12), by a first view the server renders. 16,600: that first view
 * (issue 12) made the pages Facebook traffic lands on need no JavaScript before their first card;
 * the widget's own first view grew by what recognises a server-rendered one and hands it to
 * shop/hydrate.ts (a chunk of its own, loaded only there), +220 B. 16,700: cards out of sight
 * skip layout and paint (content-visibility: a keystroke at 10,000 products showed its results
 * at a median of 67 ms instead of 97), and a failed search is told where the shopper looks, +15 B.
 */
export const BUDGET = 16_700;
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
  const worst = Math.max(...rows.map((r) => total(r.files)));
  for (const { language, files } of rows) {
    console.log(`first view (${language}): ${total(files)} bytes gzip`);
    for (const f of files) console.log(`  ${f.padEnd(40)} ${String(gzipBytes(f)).padStart(6)}`);
  }
  const checker = staticGraph(chunk('untrusted-catalog'));
  const staticHosting = total(new Set([...initialFiles('de'), ...checker]));
  console.log(`catalog from static hosting (checked in the browser): ${staticHosting} bytes gzip`);
  const lazy = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !rows.some((r) => r.files.has(f)));
  console.log(`on demand: ${lazy.map((f) => `${f.replace(/-[\w-]{8}\.mjs$/, '')} ${gzipBytes(f)}`).join(', ')}`);
  for (const [language, figure] of await serverRendered()) {
    console.log(`server-rendered /shop (${language}): ${figure.total} bytes gzip before the first card, no JavaScript (HTML to </template> ${figure.html} + ${figure.css.name} ${figure.css.bytes}; whole page ${figure.page})`);
  }
  const verdict = worst <= BUDGET ? 'within' : 'OVER';
  console.log(`size: ${worst} bytes gzip before the first product card, budget ${BUDGET}: ${verdict}`);
  if (worst > BUDGET) process.exitCode = 1;
}

/**
 * What a server-rendered /shop needs before its first card, per language: the built server
 * (dist/server/node.mjs) on a free port with an empty data directory, asked as a browser would.
 * @returns {Promise<[string, { html: number; css: { name: string; bytes: number }; total: number; page: number }][]>}
 */
async function serverRendered() {
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
    /** @type {[string, { html: number; css: { name: string; bytes: number }; total: number; page: number }][]} */
    const rows = [];
    for (const language of ['en', 'de']) {
      const text = await (await fetch(`${origin}/shop`, { headers: { 'Accept-Language': language } })).text();
      const end = text.indexOf('</template>');
      const name = /<link rel="stylesheet" href="\/(fanshop-first-view-[\w-]+\.css)">/.exec(text)?.[1];
      if (end < 0 || !name) throw new Error('[fanshop] /shop has no server-rendered first view');
      const gz = (/** @type {string | Buffer} */ body) => gzipSync(body, { level: 9 }).length;
      const html = gz(text.slice(0, end + '</template>'.length));
      const css = { name, bytes: gzipBytes(name) };
      rows.push([language, { html, css, total: html + css.bytes, page: gz(text) }]);
    }
    return rows;
  } finally {
    const exited = new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    server.kill();
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}
