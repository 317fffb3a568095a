import { createCartStore, type CartLine, type CartState, type CartStore } from './state';

export { createCartStore, type CartLine, type CartState, type CartStore };
import { lineKey } from '../../core/cart/line-key';
import { money, sumMoney, timesMoney, type Money } from '../../core/money';

export interface CartLimits {
  /** Most units of one line (configurable, default 99). */
  readonly maxQuantity: number;
  /** Most distinct lines (configurable, default 50). */
  readonly maxLines: number;
}

export type AddResult =
  | { readonly ok: true; readonly line: CartLine; readonly added: number }
  | { readonly ok: false; readonly reason: 'limit' | 'full' | 'invalid'; readonly limit: number };

function findIndex(state: CartState, productId: string, variantId: string | null): number {
  const key = lineKey({ productId, variantId });
  return state.lines.findIndex((l) => lineKey(l) === key);
}

/**
 * Adds units of a product (or variant); the same product and variant merge into one line.
 * `available` is the stock left (Infinity when not tracked). Nothing beyond the smaller of
 * stock and `maxQuantity` is added, and a new line beyond `maxLines` is refused.
 */
export function addLine(
  store: CartStore,
  item: { productId: string; variantId: string | null; unitPrice: number; title: string; available: number },
  quantity: number,
  limits: CartLimits,
): AddResult {
  const limit = Math.min(limits.maxQuantity, item.available);
  if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, reason: 'invalid', limit };
  const state = store.getState();
  const index = findIndex(state, item.productId, item.variantId);
  const current = index >= 0 ? state.lines[index]!.quantity : 0;
  if (index < 0 && state.lines.length >= limits.maxLines) return { ok: false, reason: 'full', limit: limits.maxLines };
  const next = Math.min(limit, current + quantity);
  if (next <= current) return { ok: false, reason: 'limit', limit };
  const line: CartLine = {
    productId: item.productId,
    variantId: item.variantId,
    quantity: next,
    unitPrice: item.unitPrice,
    title: item.title,
  };
  const lines = index >= 0 ? state.lines.map((l, i) => (i === index ? line : l)) : [...state.lines, line];
  store.setState({ lines });
  return { ok: true, line, added: next - current };
}

/** Sets a line's quantity, clamped to 1..limit; 0 or less removes the line. Returns the new quantity. */
export function setLineQuantity(
  store: CartStore,
  productId: string,
  variantId: string | null,
  quantity: number,
  limit: number,
): number {
  const state = store.getState();
  const index = findIndex(state, productId, variantId);
  if (index < 0) return 0;
  if (!Number.isFinite(quantity)) return state.lines[index]!.quantity;
  const q = Math.min(Math.floor(quantity), limit);
  if (q <= 0) {
    removeLine(store, productId, variantId);
    return 0;
  }
  store.setState({ lines: state.lines.map((l, i) => (i === index ? { ...l, quantity: q } : l)) });
  return q;
}

export function removeLine(store: CartStore, productId: string, variantId: string | null): CartLine | undefined {
  const state = store.getState();
  const index = findIndex(state, productId, variantId);
  if (index < 0) return undefined;
  const removed = state.lines[index];
  store.setState({ lines: state.lines.filter((_, i) => i !== index) });
  return removed;
}

export function clearCart(store: CartStore): void {
  store.setState({ lines: [] });
}

export function cartItemCount(state: CartState): number {
  return state.lines.reduce((n, l) => n + l.quantity, 0);
}

export function lineTotal(line: CartLine, currency: string): Money {
  return timesMoney(money(line.unitPrice, currency), line.quantity);
}

export function cartSubtotal(state: CartState, currency: string): Money {
  return sumMoney(state.lines.map((l) => lineTotal(l, currency)), currency);
}
