import type { LocalizedText } from './types';

/**
 * Picks the text for a locale: the exact tag (`de-AT`), then its language (`de`), then the
 * fallback locale (the shop's default), then whatever the catalog has.
 * @example localize({ en: 'Mug', de: 'Becher' }, 'de-AT', 'en') // "Becher"
 */
export function localize(text: LocalizedText, locale: string, fallback: string): string {
  const language = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
