import { parseArgs } from 'node:util';
import type { CliIo } from './commands';
import { openCliData } from './data';

export const WISHES_USAGE =
  'Usage: fanshop wishes list [--json]                       (how many wait, and were passed to onRestock, per product)\n' +
  '       fanshop wishes list --emails <product-id> [--json]  (that product’s wishes with their emails, to export)\n';

/**
 * `fanshop wishes list`: "Notify me" for the merchant, on the database the server uses
 * (cli/data.ts): how many emails wait for each product (and variant) and how many were passed to
 * the `onRestock` hook; with `--emails <product>`, that product's wishes with their emails, as
 * CSV (email, language, variant, asked, notified) or JSON. Emails appear nowhere else.
 */
export async function wishesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  let values: { emails?: string; json?: boolean };
  try {
    if (action !== 'list') throw new Error('');
    ({ values } = parseArgs({ args: [...rest], options: { emails: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr(`${error instanceof Error && error.message ? `${error.message}\n` : ''}${WISHES_USAGE}`);
    return 2;
  }
  const data = await openCliData(io);
  if (!data) return 1;
  try {
    if (values.emails !== undefined) {
      const wishes = await data.wishes.listWishes(values.emails);
      if (values.json) io.stdout(`${JSON.stringify(wishes, null, 2)}\n`);
      else io.stdout(['email,language,variant,asked,notified', ...wishes.map((w) => [w.email, w.language, w.variantId ?? '', w.createdAt, w.notifiedAt ?? ''].map(csv).join(','))].join('\n') + '\n');
      if (!wishes.length) io.stderr(`No wishes for "${values.emails}".\n`);
      return 0;
    }
    const counts = await data.wishes.wishCounts();
    if (values.json) {
      io.stdout(`${JSON.stringify(counts, null, 2)}\n`);
      return 0;
    }
    if (!counts.length) {
      io.stdout('No wishes yet.\n');
      return 0;
    }
    const item = (c: (typeof counts)[number]) => (c.variantId ? `${c.productId}/${c.variantId}` : c.productId);
    const width = Math.max(...counts.map((c) => item(c).length));
    io.stdout(counts.map((c) => `${item(c).padEnd(width)}  ${String(c.pending).padStart(5)} waiting  ${String(c.notified).padStart(5)} notified\n`).join(''));
    const waiting = counts.reduce((n, c) => n + c.pending, 0);
    io.stdout(`${waiting} waiting in all; their emails: fanshop wishes list --emails <product-id>\n`);
    return 0;
  } finally {
    await data.close();
  }
}

/** A CSV field (RFC 4180), and never a formula a spreadsheet would run (=, +, -, @ first). */
function csv(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
