import type { FirstMessages } from './en';
import type { MoreMessages } from './en-more';

/** Every label of the shop. Parts shown after the first view read the `MoreMessages` half. */
export type Messages = FirstMessages & MoreMessages;
export type { FirstMessages, MoreMessages };

/**
 * Languages with a message table. Each table is its own chunk: a shop loads only the one it
 * speaks, in parallel with the catalog, and the labels of the product view, the cart and the
 * notices with those parts (Shop.more).
 */
export const languages = ['en', 'de'] as const;

export function loadMessages(language: string): Promise<FirstMessages> {
  return (language === 'de' ? import('./de') : import('./en')).then((m) => m.default);
}

export function loadMoreMessages(language: string): Promise<MoreMessages> {
  return (language === 'de' ? import('./de-more') : import('./en-more')).then((m) => m.default);
}
