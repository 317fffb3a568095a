import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCatalog } from '../../scripts/big-catalog.mjs';
import { parseCatalog } from '../core/catalog/parse';
import { queryProducts } from '../core/catalog/query';
import { readSearchIndex } from '../core/catalog/search-index';
import { FIRST_PAGE_SIZE, idBucket, numbered, readStaticPaging, SHARD_SIZE, shardCount, WHOLE_CATALOG_MAX_PRODUCTS } from '../core/catalog/static-site';
import { imagePaths } from './build';
import { main, nodeIo, type CliIo } from './commands';
import { runCli } from './testing';

const demoPath = new URL('../../public/catalog.json', import.meta.url).pathname;

const run = (...argv: string[]) => runCli(argv);

type Json = { products: { id: string; images?: { src: string }[] }[]; paged?: unknown } & Record<string, unknown>;
const readJsonFile = async (path: string): Promise<Json> => JSON.parse(await readFile(path, 'utf8')) as Json;

let dir = '';
let demo: Json;
/** 250 products (big-catalog.mjs): images relative to the catalog, as a merchant writes them. */
let bigJson: Json;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanshop-build-'));
  demo = await readJsonFile(demoPath);
  bigJson = generatedCatalog(await readFile(demoPath, 'utf8'), 250).json as Json;
  await writeFile(join(dir, 'big.json'), JSON.stringify(bigJson));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fanshop build', () => {
  it(`writes a catalog of at most ${WHOLE_CATALOG_MAX_PRODUCTS} products whole, its image paths right from the new folder`, async () => {
    const out = join(dir, 'demo-site');
    const result = await run('build', '--catalog', demoPath, '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Wrote ${out}/catalog.json: the whole catalog (31 products`);
    expect(await readdir(out)).toEqual(['catalog.json']);
    const written = await readJsonFile(join(out, 'catalog.json'));
    // public/catalog.json's "images/x.jpg", seen from <tmp>/demo-site/, is the same file.
    const src = written.products[0]!.images![0]!.src;
    expect(new URL(src, `file://${out}/catalog.json`).pathname).toBe(new URL(demo.products[0]!.images![0]!.src, `file://${demoPath}`).pathname);
    const reparsed = parseCatalog(written);
    expect(reparsed.ok && reparsed.catalog.products.map((p) => p.id)).toEqual(demo.products.map((p) => p.id));
  });

  it('writes a bigger catalog as its first page, a search index and shards in catalog order', async () => {
    const out = join(dir, 'big-site');
    const result = await run('build', '--catalog', join(dir, 'big.json'), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/the first 48 of 250 products .*, the search index catalog-index\.\w{12}\.json .*, 10 shards of 25 products and 10 files of where each product is/);
    const files = await readdir(out);
    expect(files).toHaveLength(1 + 1 + 10 + 10);

    // The first page: a valid catalog of the first 48 products, and its paging.
    const { paged, ...first } = await readJsonFile(join(out, 'catalog.json'));
    const page = parseCatalog(first);
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    expect(page.catalog.products.map((p) => p.id)).toEqual(bigJson.products.slice(0, FIRST_PAGE_SIZE).map((p) => p.id));
    expect(page.warnings).toEqual([]);
    const paging = readStaticPaging(paged, page.catalog);
    if (typeof paging === 'string') throw new Error(paging);
    expect(paging).toMatchObject({ total: 250, shardSize: SHARD_SIZE, categories: { coffee: expect.any(Number) } });
    expect(Object.values(paging.categories).reduce((a, b) => a + b)).toBe(250);
    expect(files).toEqual(expect.arrayContaining([paging.index, ...[...Array(10).keys()].flatMap((n) => [numbered(paging.shards, n), numbered(paging.directory, n)])]));

    // Every product in its shard, found by its number in the index.
    const index = readSearchIndex(await readJsonFile(join(out, paging.index)));
    if (!index.ok) throw new Error(index.problem);
    const shards = await Promise.all([...Array(shardCount(paging)).keys()].map((n) => readJsonFile(join(out, numbered(paging.shards, n)))));
    expect(shards.flatMap((s) => s.products.map((p) => p.id))).toEqual(bigJson.products.map((p) => p.id));
    for (const id of ['espresso-blend-0', 'bircher-muesli-mix-138', bigJson.products[249]!.id]) {
      const { position } = index.index.products.find((p) => p.id === id)!;
      expect(shards[Math.floor(position / paging.shardSize)]!.products.map((p) => p.id)).toContain(id);
    }
    // Without the index: the directory file of the id's bucket says where it is.
    for (const id of ['espresso-blend-0', bigJson.products[249]!.id]) {
      const bucket = await readJsonFile(join(out, numbered(paging.directory, idBucket(id, shardCount(paging)))));
      expect((bucket as unknown as { positions: Record<string, number> }).positions[id]).toBe(bigJson.products.findIndex((p) => p.id === id));
    }
    // A shard's products are a valid catalog's with the first page's shop and categories.
    expect(parseCatalog({ shop: first.shop, categories: first.categories, products: shards[9]!.products }).ok).toBe(true);
    // The index searches what the catalog has.
    expect(queryProducts(index.index, { q: 'batch138' }).products.map((p) => p.id)).toEqual(['bircher-muesli-mix-138']);
    // Images: the same files, from the site's folder.
    expect(shards[8]!.products[0]!.images![0]!.src).toBe(`../${bigJson.products[200]!.images![0]!.src}`);
  });

  it('writes a catalog whole up to --max-whole, and paged above it', async () => {
    expect((await run('build', '--catalog', demoPath, '--out', join(dir, 'paged-demo'), '--max-whole', '10')).code).toBe(0);
    expect((await readdir(join(dir, 'paged-demo'))).length).toBe(1 + 1 + 2 + 2);
    expect((await run('build', '--catalog', join(dir, 'big.json'), '--out', join(dir, 'whole-big'), '--max-whole', '250')).code).toBe(0);
    expect(await readdir(join(dir, 'whole-big'))).toEqual(['catalog.json']);
  });

  it('reads a catalog from a URL, its images then absolute', async () => {
    const out = join(dir, 'from-url');
    let stdout = '';
    const io: CliIo = { ...nodeIo, stdout: (text) => void (stdout += text), stderr: () => {}, fetch: async () => new Response(JSON.stringify(demo)) };
    expect(await main(['build', '--catalog', 'https://cdn.example/shop/catalog.json', '--out', out, '--max-whole', '10'], io)).toBe(0);
    expect(stdout).toContain('the first 31 of 31 products');
    const { products } = await readJsonFile(join(out, 'catalog.json'));
    expect(products[0]!.images![0]!.src).toBe(`https://cdn.example/shop/${demo.products[0]!.images![0]!.src}`);
  });

  it('writes nothing for a catalog with problems, and says how to check it', async () => {
    await writeFile(join(dir, 'broken.json'), JSON.stringify({ ...demo, products: [{ id: 'x', title: 'X', price: 12.5 }] }));
    const result = await run('build', '--catalog', join(dir, 'broken.json'), '--out', join(dir, 'broken-site'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ products[0].price: must be a whole number of cents');
    expect(result.stderr).toContain('nothing was written');
    await expect(readdir(join(dir, 'broken-site'))).rejects.toThrow();
  });

  it('explains its usage when an option is missing or wrong', async () => {
    for (const args of [['--catalog', demoPath], ['--out', dir], ['--catalog', demoPath, '--out', dir, '--max-whole', 'many'], ['--catalog', demoPath, '--out', dir, '--pages']]) {
      const result = await run('build', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: fanshop build --catalog <file-or-url> --out <dir>');
    }
  });
});

describe('imagePaths', () => {
  it('keeps a path from the same folder, climbs out of a folder inside it, and leaves a path from the site\'s root', () => {
    expect(imagePaths('shop/catalog.json', 'shop')('images/mug.jpg?v=2')).toBe('images/mug.jpg?v=2');
    expect(imagePaths('shop/catalog.json', 'shop/site')('images/mug%20blue.jpg')).toBe('../images/mug%20blue.jpg');
    expect(imagePaths('shop/catalog.json', 'elsewhere/site')('images/mug.jpg')).toBe('../../shop/images/mug.jpg');
    expect(imagePaths('shop/catalog.json', 'elsewhere/site')('/images/mug.jpg')).toBe('/images/mug.jpg');
  });

  it('makes the paths of a catalog read over http(s) absolute, and leaves absolute URLs', () => {
    expect(imagePaths('https://cdn.example/shop/catalog.json', 'site')('images/mug.jpg')).toBe('https://cdn.example/shop/images/mug.jpg');
    expect(imagePaths('shop/catalog.json', 'site')('https://cdn.example/mug.jpg')).toBe('https://cdn.example/mug.jpg');
  });
});
