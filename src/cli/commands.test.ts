import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from './commands';
import { jsonErrorOffset, lineAndColumn } from './read-json';

const fixturePath = fileURLToPath(new URL('../core/catalog/fixtures/minimal.json', import.meta.url));

/** Runs `fanshop` with captured output and the real disk and network. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    fetch: (url, init) => fetch(url, init),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

let dir = '';
let valid = '';
let server: Server;
let origin = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanshop-cli-'));
  valid = await readFile(fixturePath, 'utf8');
  const broken = JSON.parse(valid);
  broken.products[0].price = 12.5;
  broken.shop.currency = 'euro';
  broken.products[2].prize = 1200;
  await writeFile(join(dir, 'catalog.json'), valid);
  await writeFile(join(dir, 'broken.json'), JSON.stringify(broken, null, 2));
  await writeFile(join(dir, 'typo.json'), '{\n  "shop": {\n    "id": "x",\n  }\n}\n');
  await writeFile(join(dir, 'bom.json'), `\uFEFF${valid}`);

  server = createServer((request, response) => {
    if (request.url === '/catalog.json') response.writeHead(200, { 'content-type': 'application/json' }).end(valid);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('fanshop validate', () => {
  it('exits 0 and summarises a valid catalog', async () => {
    const result = await run('validate', join(dir, 'catalog.json'));
    expect(result).toEqual({ code: 0, stdout: `${join(dir, 'catalog.json')} is valid: 4 products in 2 categories\n`, stderr: '' });
  });

  it('exits 1 and prints every error and warning with its path, then a summary', async () => {
    const file = join(dir, 'broken.json');
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      '✖ shop.currency: must be a three-letter ISO 4217 currency code such as EUR, got "euro"',
      '✖ products[0].price: must be a whole number of cents, got 12.5',
      '⚠ products[2].prize: unknown field "prize" is ignored',
      `${file}: 2 problems, 1 warning`,
      '',
    ]);
  });

  it('exits 0 for warnings alone and counts them in the summary', async () => {
    const file = join(dir, 'warned.json');
    await writeFile(file, valid.replace('"price": 1200,', '"price": 1200, "prize": 1200,'));
    const result = await run('validate', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('⚠ products[2].prize: unknown field "prize" is ignored\n');
    expect(result.stdout).toContain('is valid: 4 products in 2 categories, 1 warning\n');
  });

  it('names a missing file and exits 1', async () => {
    const file = join(dir, 'nope.json');
    expect(await run('validate', file)).toEqual({ code: 1, stdout: '', stderr: `✖ cannot read ${file}: the file does not exist\n` });
  });

  it('names the line and column of invalid JSON', async () => {
    const file = join(dir, 'typo.json');
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^✖ ${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} is not valid JSON: .+ at line 4, column 3\n$`));
  });

  it('accepts a file that starts with a byte order mark', async () => {
    expect((await run('validate', join(dir, 'bom.json'))).code).toBe(0);
  });

  it('fetches a catalog from an http URL', async () => {
    const result = await run('validate', `${origin}/catalog.json`);
    expect(result).toEqual({ code: 0, stdout: `${origin}/catalog.json is valid: 4 products in 2 categories\n`, stderr: '' });
  });

  it('reports the HTTP status when the server does not have the catalog', async () => {
    const result = await run('validate', `${origin}/missing.json`);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `✖ cannot fetch ${origin}/missing.json: the server answered HTTP 404 Not Found\n` });
  });

  it('reports a network error with its reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/catalog.json`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await run('validate', url)).toEqual({ code: 1, stdout: '', stderr: `✖ cannot fetch ${url}: ECONNREFUSED\n` });
  });

  it('exits 2 with its usage when the file is missing', async () => {
    expect(await run('validate')).toEqual({ code: 2, stdout: '', stderr: 'Usage: fanshop validate <file-or-url>\n' });
  });
});

describe('fanshop schema, help and unknown commands', () => {
  it('prints the catalog JSON Schema', async () => {
    const result = await run('schema');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Fanshop catalog', type: 'object' });
  });

  it('prints the usage for help and for no arguments', async () => {
    for (const argv of [['help'], [], ['--help']]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: fanshop <command>\n\nCommands:\n {2}validate <file-or-url> +check a catalog/);
    }
  });

  it('prints the usage to stderr and exits 2 for an unknown command, even one named like an Object method', async () => {
    for (const name of ['publish', 'constructor']) {
      const result = await run(name);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`unknown command "${name}"\n\nUsage: fanshop <command>`);
    }
  });
});

describe('invalid JSON positions', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a":1}x', 7],
    ['{"a":1', 6],
    ['[1,]', 3],
    ['{\n  "a": tru\n}', 12],
  ])('finds the first bad character of %j at offset %i', (text, offset) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    expect(jsonErrorOffset(text, error)).toBe(offset);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('{\n  "a": }', 9)).toEqual({ line: 2, column: 8 });
  });
});
