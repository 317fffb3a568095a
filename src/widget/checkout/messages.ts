import { messagesFor } from '../i18n/locale';
import type { CheckoutMessages } from './messages-en';

export type { CheckoutMessages };

/** The checkout texts of a language, with the merchant's `labels` overrides applied. */
export async function loadCheckoutMessages(language: string, overrides?: Record<string, unknown>): Promise<CheckoutMessages> {
  const base = (language === 'de' ? await import('./messages-de') : await import('./messages-en')).default;
  return messagesFor(base, language, overrides);
}
