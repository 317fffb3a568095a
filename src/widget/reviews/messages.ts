import { messagesFor } from '../i18n/locale';
import type { ReviewMessages } from './messages-en';

export type { ReviewMessages };

/** The reviews' texts of a language, with the merchant's `labels` overrides applied. */
export async function loadReviewMessages(language: string, overrides?: Record<string, unknown>): Promise<ReviewMessages> {
  const base = (language === 'de' ? await import('./messages-de') : await import('./messages-en')).default;
  return messagesFor(base, language, overrides);
}
