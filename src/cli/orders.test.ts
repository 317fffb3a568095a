import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from './commands';
import { openNodeData } from '../server/data/node';

const dir = mkdtempSync(join(tmpdir(), 'fanshop-cli-orders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readFile: async () => '', fetch, env };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('fanshop orders', () => {
  it('lists the paid orders from the embedded database, oldest first, and says which are oversold', async () => {
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    const order = { livemode: false, currency: 'EUR', amountSubtotal: 2380, amountTotal: 2380, shippingAddress: null, paymentIntent: null };
    await data.orders.saveOrder({ ...order, id: 'cs_test_b', createdAt: '2026-11-30T10:05:00.000Z', customerEmail: 'b@example.com', lines: [{ productId: 'tee', variantId: null, title: 'Tour tee', quantity: 2, amountTotal: 2380 }], oversold: true });
    await data.orders.saveOrder({ ...order, id: 'cs_test_a', createdAt: '2026-11-30T09:00:00.000Z', customerEmail: null, lines: [{ productId: 'cap', variantId: null, title: 'Cap', quantity: 1, amountTotal: 2380 }], oversold: false });
    // The server still has the database open: the command says what to do.
    const busy = io({ FANSHOP_DATA_DIR: dir });
    expect(await main(['orders'], busy.cli)).toBe(1);
    expect(busy.err()).toMatch(/another Fanshop process|is open already/);
    await data.close();

    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const run = io({ FANSHOP_DATA_DIR: dir });
    expect(await main(['orders'], run.cli)).toBe(0);
    expect(run.out()).toBe(
      '2026-11-30 09:00      €23.80  -  1 × Cap  cs_test_a\n' +
        '2026-11-30 10:05      €23.80  b@example.com  2 × Tour tee  OVERSOLD  cs_test_b\n' +
        '2 orders, 1 OVERSOLD (paid after their units went to others: refund them or find the units)\n',
    );
    const asJson = io({ FANSHOP_DATA_DIR: dir });
    expect(await main(['orders', '--json'], asJson.cli)).toBe(0);
    expect((JSON.parse(asJson.out()) as { id: string }[]).map((o) => o.id)).toEqual(['cs_test_a', 'cs_test_b']);
    logged.mockRestore();
  }, 60_000);
});
