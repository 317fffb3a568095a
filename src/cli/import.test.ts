import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../core/import/fixtures/image-bytes';
import { runCli } from './testing';

const fixtures = fileURLToPath(new URL('../core/import/fixtures/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/fanshop.mjs', import.meta.url));

const run = (...argv: string[]) => runCli(argv);

/** The built command as a merchant runs it (`npx fanshop …`); `npm test` builds before Vitest. */
async function runBin(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...argv]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir = '';
let server: Server;
let origin = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanshop-import-'));
  // Images as a shop's CDN serves them: one answers the Range request, one ignores it and sends
  // a whole (padded) file, one is gone, and one is a page rather than an image.
  server = createServer((request, response) => {
    if (request.url === '/front.png') response.writeHead(206, { 'content-type': 'image/png' }).end(samples.png(800, 600));
    else if (request.url === '/back.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.concat([samples.jpeg(1200, 1500), Buffer.alloc(200_000)]));
    else if (request.url === '/page.jpg') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Not found</p>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('fanshop import', () => {
  it('writes a Shopify export as a catalog and lists the rows it left out with their lines', async () => {
    const out = join(dir, 'shopify.json');
    const source = join(fixtures, 'shopify-current.csv');
    const result = await run('import', 'shopify', source, '--out', out, '--shop-name', 'Nordlicht Supply', '--base-url', 'https://nordlicht.example');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `${source}: 3 products, 6 variants, 4 images, 3 categories; 2 rows left out\n` +
        '  line 11: the product "Sticker Pack" is a draft; it was left out\n' +
        '  line 12: the price "abc" is not a number; this variant of "Signed Poster" was left out\n' +
        `Wrote ${out}; it passes \`fanshop validate\`.\n` +
        'Defaults used, change them in the file or import again with the option: currency EUR (--currency), language en (--language).\n' +
        'Exports do not say how big images are: each one is given 1000×1000 pixels; set the real width and height in the file (or --image-size) so pages do not shift while they load.\n',
    });
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.shop).toEqual({ id: 'nordlicht-supply', name: 'Nordlicht Supply', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://nordlicht.example' });
    expect(written.products.map((p: { id: string }) => p.id)).toEqual(['tour-hoodie', 'enamel-mug', 'signed-poster']);
  });

  it('keeps the catalog it replaces as <out>.bak', async () => {
    const out = join(dir, 'replaced.json');
    await writeFile(out, '{"old": true}\n');
    const result = await run('import', 'woocommerce', join(fixtures, 'woocommerce-de-semicolon.csv'), '--out', out, '--language', 'de', '--currency', 'eur', '--image-size', '1200x1500');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${out} (the old file is ${out}.bak); it passes \`fanshop validate\`.\n`);
    expect(await readFile(`${out}.bak`, 'utf8')).toBe('{"old": true}\n');
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.shop.currency).toBe('EUR');
    expect(written.products[0].images).toEqual([{ src: 'https://laden.example.de/wp-content/uploads/2026/05/becher.jpg', width: 1200, height: 1500 }]);
  });

  it('measures the images with --measure-images, and names those it cannot', async () => {
    const csv = join(dir, 'measure.csv');
    await writeFile(
      csv,
      'Handle,Title,Variant Price,Image Src,Image Position\n' +
        `lamp,Lamp,49,${origin}/front.png,1\nlamp,,,${origin}/back.jpg,2\nlamp,,,${origin}/gone.png,3\nlamp,,,${origin}/page.jpg,4\n`,
    );
    const out = join(dir, 'measured.json');
    const result = await run('import', 'shopify', csv, '--out', out, '--measure-images', '--image-size', '900x1200');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Measured 2 images; 2 could not be measured:\n' +
        `  ${origin}/gone.png: HTTP 404; it keeps 900×1200\n` +
        `  ${origin}/page.jpg: not a PNG, JPEG, GIF or WebP image; it keeps 900×1200\n`,
    );
    expect(JSON.parse(await readFile(out, 'utf8')).products[0].images).toEqual([
      { src: `${origin}/front.png`, width: 800, height: 600 },
      { src: `${origin}/back.jpg`, width: 1200, height: 1500 },
      { src: `${origin}/gone.png`, width: 900, height: 1200 },
      { src: `${origin}/page.jpg`, width: 900, height: 1200 },
    ]);
  });

  it('exits 1 and writes nothing when no product could be imported', async () => {
    const out = join(dir, 'nothing.json');
    const source = join(fixtures, 'woocommerce-export.csv');
    const result = await run('import', 'shopify', source, '--out', out);
    expect(result).toEqual({
      code: 1,
      stdout: `${source}: 0 products, 0 variants, 0 images, 0 categories; 10 rows left out\n  line 1: this is not a Shopify product export: it has no "URL handle" (or "Handle") and "Title" columns\n`,
      stderr: `✖ nothing in ${source} could be imported, so ${out} was not written\n`,
    });
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('says which option is wrong, and what the command takes', async () => {
    const result = await run('import', 'shopify', 'x.csv', '--out', 'y.json', '--currency', 'euro');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--currency must be a three-letter code such as EUR, got "euro"\n\nUsage: fanshop import shopify\|woocommerce/);
    expect((await run('import', 'magento', 'x.csv', '--out', 'y.json')).code).toBe(2);
    expect((await run('import', 'shopify', 'x.csv')).code).toBe(2);
    expect(await run('import', 'shopify', join(dir, 'missing.csv'), '--out', 'y.json')).toMatchObject({ code: 1, stderr: `✖ cannot read ${join(dir, 'missing.csv')}: the file does not exist\n` });
  });

  it('is listed in `fanshop --help`, and `fanshop import --help` explains its options', async () => {
    expect((await run('--help')).stdout).toContain('import shopify|woocommerce <csv> --out <file>');
    const help = await run('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--currency <code>      the currency of the export\'s prices (default EUR)');
  });

  it('writes, from the built command, catalogs that `fanshop validate` accepts', async () => {
    for (const [platform, file, valid] of [
      ['shopify', 'shopify-current.csv', '3 products in 3 categories'],
      ['shopify', 'shopify-legacy.csv', '2 products in 2 categories'],
      ['woocommerce', 'woocommerce-export.csv', '3 products in 3 categories'],
      ['woocommerce', 'woocommerce-de-semicolon.csv', '2 products in 2 categories'],
    ] as const) {
      const out = join(dir, `bin-${file}.json`);
      const imported = await runBin('import', platform, join(fixtures, file), '--out', out);
      expect(imported.code, imported.stderr).toBe(0);
      expect(await runBin('validate', out)).toEqual({ code: 0, stdout: `${out} is valid: ${valid}\n`, stderr: '' });
    }
  }, 60_000); // Eight runs of the built command: a few seconds each on a busy machine.
});
