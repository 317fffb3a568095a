import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { generatedCatalog } from '../scripts/big-catalog.mjs';
import { card, cards, cartButton, cartCount, expect, test, waitForGrid } from './fixtures';
import { specPort } from './ports';

/**
 * A big catalog on static hosting: 10,000 products built with `fanshop build` and served by a
 * plain file server (node:http, no Fanshop server, one per worker: e2e/ports.ts): the site's files under /site/, the demo's
 * images under /images/ (the build points the images at them, relative to /site/), the widget's
 * files (dist/client) for the rest, and a host page at /. The widget checks the first page in
 * the browser, and browses the rest from the search index and the shards.
 */
const port = specPort(9);
const origin = `http://localhost:${port}`;
const N = 10_000;
const big = generatedCatalog(readFileSync('public/catalog.json', 'utf8'), N);
const dir = mkdtempSync(join(tmpdir(), 'fanshop-static-site-'));
let server: Server | undefined;

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };
const HOST = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static shop</title><link rel="icon" href="/favicon.svg"></head><body><div data-fanshop></div><script src="/fanshop.js" data-catalog="/site/catalog.json" async></script></body></html>';

/** The file a path names under one of the served folders, or null. */
function fileOf(pathname: string): string | null {
  const path = normalize(decodeURIComponent(pathname));
  const [root, rest] = path.startsWith('/site/') ? [join(dir, 'site'), path.slice(6)] : path.startsWith('/images/') ? ['public/images', path.slice(8)] : ['dist/client', path.slice(1)];
  const file = join(root, rest);
  return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : null;
}

test.beforeAll(async () => {
  writeFileSync(join(dir, 'catalog.json'), big.text);
  execFileSync(process.execPath, ['bin/fanshop.mjs', 'build', '--catalog', join(dir, 'catalog.json'), '--out', join(dir, 'site')]);
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', origin);
    if (pathname === '/') return void response.writeHead(200, { 'Content-Type': types['.html']! }).end(HOST);
    const file = fileOf(pathname);
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const count = (page: Page) => page.locator('[part="count"]');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search products' });
type Item = { id: string; category?: string; title: { en: string } };
const products = big.json.products as Item[];

/** The site's files the page fetched, by name, in order. */
function siteRequests(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/site/')) names.push(pathname.slice(6));
  });
  return names;
}

test('the first page shows with nothing else fetched; a search loads the index and finds the one product among 10,000', async ({ page, consoleErrors }) => {
  const fetched = siteRequests(page);
  await page.goto(`${origin}/`);
  await waitForGrid(page);
  await expect(count(page)).toHaveText('10000 products');
  await expect(cards(page)).toHaveCount(48);
  await expect(cards(page).first().locator('img')).toHaveJSProperty('complete', true);
  expect(await cards(page).first().locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual(['catalog.json']);

  await search(page).fill('batch7516');
  await expect(count(page)).toHaveText('1 product');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute('data-product-id', products[7516]!.id);
  // The index once, and the one shard that holds the product (typing letter by letter would
  // also bring the shards of the cards each letter shows on the way).
  expect(fetched.filter((name) => name.startsWith('catalog-index.'))).toHaveLength(1);
  expect(fetched.filter((name) => name.startsWith('catalog-products-'))).toEqual([expect.stringMatching(/^catalog-products-300\./)]);

  // A typo and an umlaut, as the server's search finds them.
  await search(page).fill('Müsli birchr batch7516');
  await expect(count(page)).toHaveText('1 product');
  await search(page).fill('');
  await expect(count(page)).toHaveText('10000 products');
  expect(consoleErrors).toEqual([]);
});

test('a category narrows to its products, and Show more adds the next of them', async ({ page }) => {
  await page.goto(`${origin}/`);
  await waitForGrid(page);
  await page.getByRole('button', { name: 'Tea', exact: true }).click();
  const teas = products.filter((p) => p.category === 'tea');
  await expect(count(page)).toHaveText(`${teas.length} products`);
  await expect(cards(page).first()).toHaveAttribute('data-product-id', teas[0]!.id);
  await page.getByRole('button', { name: `Show more (${teas.length - 48} more)` }).click();
  await expect(cards(page)).toHaveCount(96);
  await expect(cards(page).nth(95)).toHaveAttribute('data-product-id', teas[95]!.id);

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('price-desc');
  await expect(cards(page)).toHaveCount(48);
  await expect(count(page)).toHaveText(`${teas.length} products`);
});

test('a shared link to a product on a late shard opens it, and its cart line comes back after a reload', async ({ page }) => {
  const fetched = siteRequests(page);
  const late = products[9876]!;
  await page.goto(`${origin}/#/p/${late.id}`);
  const detail = page.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: late.title.en })).toBeVisible();
  // Its directory file and its shard, not the search index.
  expect(fetched.slice(1).map((name) => name.replace(/-\d+\./, '-n.').replace(/\.\w{12}\.json$/, ''))).toEqual(['catalog-ids-n', 'catalog-products-n']);
  expect(fetched.filter((name) => name.startsWith('catalog-products-'))).toEqual([expect.stringMatching(/^catalog-products-395\./)]);
  await detail.getByRole('button', { name: /Add to cart/ }).click();
  await expect(cartCount(page)).toHaveText('1');

  await page.goto(`${origin}/`);
  await waitForGrid(page);
  await expect(cartCount(page)).toHaveText('1');
  await cartButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Cart' }).getByText(late.title.en)).toBeVisible();
});

test('a search index that cannot be fetched keeps the cards on screen, says so, and Retry finds the results', async ({ page }) => {
  await page.goto(`${origin}/`);
  await waitForGrid(page);
  await page.route('**/site/catalog-index.*', (route) => route.abort());
  await search(page).fill('batch7');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Check your connection');
  await expect(cards(page)).toHaveCount(48);
  await page.unroute('**/site/catalog-index.*');
  await page.getByRole('button', { name: 'Retry' }).click();
  // batch7, batch70…79, batch700…799, batch7000…7999: 1,111 products.
  await expect(count(page)).toHaveText('1111 products');
  await expect(card(page, products[7]!.title.en).first()).toBeVisible();
});
