import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app';
import { runCli } from './testing';

const demoPath = new URL('../../public/catalog.json', import.meta.url).pathname;

/** Runs `fanshop` with captured output and the real disk. */
const run = (...argv: string[]) => runCli(argv);

let dir = '';
let demo = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanshop-pages-'));
  demo = await readFile(demoPath, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The server's page without the first view it renders into the widget's shadow root
 * (server/pages/first-view.ts): `fanshop pages` writes pages for static hosting, where no server
 * hands the widget its parsed catalog, so they carry the plain product only.
 */
const withoutFirstView = (html: string) => html.replace(/<template shadowrootmode="open">[\s\S]*?<\/template><script type="application\/json" data-fanshop-first-view>[\s\S]*?<\/script>/, '');

describe('fanshop pages', () => {
  it('writes every product’s page as <out>/p/<id>/index.html, the HTML the server sends for the same base URL, without its first view', async () => {
    const out = join(dir, 'site');
    const result = await run('pages', '--catalog', demoPath, '--base-url', 'https://shop.example/', '--out', out);
    expect(result).toEqual({ code: 0, stdout: `Wrote 31 product pages to ${out}/p/<id>/index.html for https://shop.example/p/<id>\n`, stderr: '' });
    const ids = (JSON.parse(demo) as { products: { id: string }[] }).products.map((p) => p.id);
    expect((await readdir(join(out, 'p'))).sort()).toEqual([...ids].sort());

    const served = JSON.parse(demo);
    served.shop.baseUrl = 'https://shop.example';
    const app = createApp({ catalog: { read: async () => JSON.stringify(served) } });
    for (const id of ['nordlicht-hoodie', 'enamel-mug-limited', 'espresso-blend']) {
      const file = await readFile(join(out, 'p', id, 'index.html'), 'utf8');
      expect(file).toBe(withoutFirstView(await (await app.request(`/p/${id}`)).text()));
    }
  });

  it('uses the catalog’s base URL and default language unless told otherwise', async () => {
    const out = join(dir, 'default');
    expect((await run('pages', '--catalog', demoPath, '--out', out)).code).toBe(0);
    const file = await readFile(join(out, 'p', 'nordlicht-hoodie', 'index.html'), 'utf8');
    expect(file).toContain('<meta property="og:url" content="http://localhost:8787/p/nordlicht-hoodie">');
    expect(file).toContain('<html lang="en">');
    const app = createApp({ catalog: { read: async () => demo } });
    expect(file).toBe(withoutFirstView(await (await app.request('/p/nordlicht-hoodie')).text()));

    const german = join(dir, 'de');
    expect((await run('pages', '--catalog', demoPath, '--out', german, '--locale', 'de')).code).toBe(0);
    expect(await readFile(join(german, 'p', 'nordlicht-hoodie', 'index.html'), 'utf8')).toContain('<h1>Nordlicht-Kapuzenpullover</h1>');
  });

  it('exits 2 with its usage for a missing option, an unknown one or a base URL that is not absolute', async () => {
    const usage = 'Usage: fanshop pages --catalog <file-or-url> --out <dir> [--base-url <url>] [--locale <en|de>]\n';
    expect(await run('pages', '--catalog', demoPath)).toEqual({ code: 2, stdout: '', stderr: usage });
    const unknown = await run('pages', '--catalog', demoPath, '--out', dir, '--bse-url', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bse-url'");
    expect(await run('pages', '--catalog', demoPath, '--out', dir, '--base-url', 'shop.example')).toEqual({
      code: 2,
      stdout: '',
      stderr: '--base-url must be an absolute http(s) address such as https://shop.example.com, got "shop.example"\n',
    });
  });

  it('writes nothing and names every problem when the catalog is invalid', async () => {
    const broken = JSON.parse(demo);
    broken.products[1].price = 12.5;
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const out = join(dir, 'never');
    const result = await run('pages', '--catalog', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `✖ products[1].price: must be a whole number of cents, got 12.5\n${file} has problems; nothing was written. Check it with: fanshop validate ${file}\n`,
    );
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});
