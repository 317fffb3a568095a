import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testing';
import { openNodeData } from '../server/data/node';

/** `fanshop wishes list` against the embedded database, as a merchant runs it with the server stopped. */
const dir = mkdtempSync(join(tmpdir(), 'fanshop-cli-wishes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv, { readFile: async () => '', env: { FANSHOP_DATA_DIR: dir } });

describe('fanshop wishes', () => {
  it('counts the wishes per product and variant, and exports one product’s emails', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await run('wishes', 'list')).toEqual({ code: 0, stdout: 'No wishes yet.\n', stderr: '' });
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    const wish = (id: string, productId: string, variantId: string | null, email: string, minute: number) =>
      data.wishes.addWish({ id, productId, variantId, email, language: 'de', createdAt: `2026-11-30T10:0${minute}:00.000Z` });
    await wish('w1', 'tee', 'tee-m', 'ann@example.com', 1);
    await wish('w2', 'tee', 'tee-m', '=cmd@example.com', 2);
    await wish('w3', 'tee', null, 'bob@example.com', 3);
    await wish('w4', 'hoodie', null, 'cyd@example.com', 4);
    await data.wishes.claimWishes({ productId: 'hoodie', variantId: null }, new Date('2026-12-01T08:00:00Z'));
    await data.close();

    const list = await run('wishes', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      'hoodie         0 waiting      1 notified\n' +
        'tee            1 waiting      0 notified\n' +
        'tee/tee-m      2 waiting      0 notified\n' +
        '3 waiting in all; their emails: fanshop wishes list --emails <product-id>\n',
    );
    const emails = await run('wishes', 'list', '--emails', 'tee');
    expect(emails.stdout).toBe(
      'email,language,variant,asked,notified\n' +
        'ann@example.com,de,tee-m,2026-11-30T10:01:00.000Z,\n' +
        "'=cmd@example.com,de,tee-m,2026-11-30T10:02:00.000Z,\n" +
        'bob@example.com,de,,2026-11-30T10:03:00.000Z,\n',
    );
    const json = await run('wishes', 'list', '--emails', 'hoodie', '--json');
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ email: 'cyd@example.com', notifiedAt: '2026-12-01T08:00:00.000Z' })]);
    expect((await run('wishes', 'list', '--json')).stdout).toContain('"pending": 2');
    logged.mockRestore();
  }, 60_000);

  it('says how to use it', async () => {
    for (const argv of [['wishes'], ['wishes', 'remove'], ['wishes', 'list', '--email', 'x']]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: fanshop wishes list');
    }
  });
});
