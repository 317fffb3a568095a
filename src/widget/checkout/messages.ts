import type { CheckoutMessages } from './messages-en';

export type { CheckoutMessages };

/** The checkout texts of a language, with the merchant's `labels` overrides for its keys. */
export async function loadCheckoutMessages(language: string, overrides?: Record<string, unknown>): Promise<CheckoutMessages> {
  const base = (language === 'de' ? await import('./messages-de') : await import('./messages-en')).default;
  if (!overrides) return base;
  const flat: Record<string, unknown> = { ...overrides, ...(typeof overrides[language] === 'object' ? (overrides[language] as object) : {}) };
  const merged: Record<string, unknown> = { ...base };
  for (const key of ['checkout', 'checkoutPending', 'continueToCheckout', 'popupBlocked', 'orderPending', 'checkoutCancelled'] as const) {
    if (typeof flat[key] === 'string') merged[key] = flat[key];
  }
  return merged as CheckoutMessages;
}
