import type { Order } from '../server/orders/order';
import { formatMoney } from '../core/money/money';
import type { CliIo } from './commands';
import { openCliData } from './data';

/**
 * `fanshop orders [--json]`: the paid orders, oldest first, from the shop's database: the
 * Postgres server of DATABASE_URL, or the embedded one in FANSHOP_DATA_DIR (default `.data`),
 * which only one process may open at a time, so the shop's server must be stopped first.
 */
export async function ordersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  if (args.some((a) => a !== '--json')) {
    io.stderr('Usage: fanshop orders [--json]\n');
    return 2;
  }
  const data = await openCliData(io);
  if (!data) return 1;
  try {
    const orders = await data.orders.listOrders();
    if (json) {
      io.stdout(`${JSON.stringify(orders, null, 2)}\n`);
      return 0;
    }
    if (!orders.length) {
      io.stdout('No orders yet.\n');
      return 0;
    }
    io.stdout(orders.map(line).join(''));
    const oversold = orders.filter((o) => o.oversold).length;
    io.stdout(`${orders.length} order${orders.length === 1 ? '' : 's'}${oversold ? `, ${oversold} OVERSOLD (paid after their units went to others: refund them or find the units)` : ''}\n`);
    return 0;
  } finally {
    await data.close();
  }
}

function line(order: Order): string {
  const total = order.currency ? formatMoney({ amount: order.amountTotal, currency: order.currency }, 'en') : String(order.amountTotal);
  const items = order.lines.map((l) => `${l.quantity} × ${l.title}`).join(', ');
  return `${order.createdAt.slice(0, 16).replace('T', ' ')}  ${total.padStart(10)}  ${order.customerEmail ?? '-'}  ${items}${order.oversold ? '  OVERSOLD' : ''}  ${order.id}\n`;
}
