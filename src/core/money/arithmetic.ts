import { money, type Money } from './money';

/**
 * Sums and line totals of Money (the cart's), apart from money.ts, which the shop's first view
 * needs to show prices: the widget's cart code carries these, its first view does not.
 */
function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`[fanshop] cannot add ${a.currency} to ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function timesMoney(a: Money, quantity: number): Money {
  return money(a.amount * quantity, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce(addMoney, money(0, currency));
}
