import type { Messages } from './en';

export type { Messages };

/**
 * Languages with a message table. Each table is its own chunk: a shop loads only the one it
 * speaks, in parallel with the catalog.
 */
export const languages = ['en', 'de'] as const;

export function loadMessages(language: string): Promise<Messages> {
  return (language === 'de' ? import('./de') : import('./en')).then((m) => m.default);
}
