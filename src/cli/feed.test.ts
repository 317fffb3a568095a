import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app';
import { runCli } from './testing';

const demoPath = new URL('../../public/catalog.json', import.meta.url).pathname;

const run = (...argv: string[]) => runCli(argv);

let dir = '';
let demo = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanshop-feed-'));
  demo = await readFile(demoPath, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the server serves at /feeds/meta.csv for the demo catalog at another base URL. */
async function served(baseUrl: string, query = ''): Promise<string> {
  const catalog = JSON.parse(demo);
  catalog.shop.baseUrl = baseUrl;
  return (await createApp({ catalog: { read: async () => JSON.stringify(catalog) } }).request(`/feeds/meta.csv${query}`)).text();
}

describe('fanshop feed', () => {
  it('prints the feed the server serves to stdout', async () => {
    const result = await run('feed', '--catalog', demoPath, '--base-url', 'https://shop.example');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await served('https://shop.example'));
    expect(result.stdout.startsWith('id,title,description,availability,condition,price,sale_price,link,')).toBe(true);
  });

  it('writes it to a file with --out and says how many items it has', async () => {
    const out = join(dir, 'feeds', 'meta.csv');
    const result = await run('feed', '--catalog', demoPath, '--locale', 'de', '--out', out);
    expect(result).toEqual({ code: 0, stdout: `Wrote 60 items to ${out}\n`, stderr: '' });
    expect(await readFile(out, 'utf8')).toBe(await served('http://localhost:8787', '?locale=de'));
  });

  it('exits 2 with its usage without a catalog', async () => {
    expect(await run('feed')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Usage: fanshop feed --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n' +
        '       fanshop feed reviews --catalog <file-or-url> [--base-url <url>] [--locale <tag>] [--out <file>]\n',
    });
  });

  it('exits 1 naming the file when it cannot be read', async () => {
    const missing = join(dir, 'missing.json');
    expect(await run('feed', '--catalog', missing)).toEqual({ code: 1, stdout: '', stderr: `✖ cannot read ${missing}: the file does not exist\n` });
  });
});
