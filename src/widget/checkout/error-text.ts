import type { CheckoutMessages } from './messages-en';

/**
 * What the shopper reads when the server refuses a checkout (its codes: core/api/errors.ts).
 * `invalid_quantity` names the limit the server applied, which its own setting
 * (FANSHOP_MAX_QUANTITY) may make lower than the shop's `maxQuantity`; when the server names
 * none (an older server), the shop's own limit.
 */
export function checkoutErrorText(t: CheckoutMessages, error: { code: string; maxQuantity?: unknown }, maxQuantity: number): string {
  if (error.code === 'invalid_quantity') {
    const applied = error.maxQuantity;
    return t.invalidQuantity(typeof applied === 'number' && Number.isInteger(applied) && applied > 0 ? applied : maxQuantity);
  }
  // hasOwn: a code from the network is not allowed to reach Object.prototype ('constructor').
  return (Object.hasOwn(t.errors, error.code) && t.errors[error.code as keyof typeof t.errors]) || t.errors.other!;
}
