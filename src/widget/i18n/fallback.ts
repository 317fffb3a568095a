/**
 * The words of the error state for when the shop's message table (en.ts or de.ts, a chunk of its
 * own) could not be fetched: the shop cannot say so with the table that failed, so these two ride
 * in the first view, in the smallest form (every byte there counts: README, "Fast and small"):
 * the title and the Retry button, in English or German. The tables have the same texts, as
 * `errorTitle` and `retry` (fallback.test.ts keeps them equal); the merchant's `labels` do not
 * reach this rare state.
 */
export function fallbackTexts(language: string): string[] {
  return (language === 'de' ? 'Der Shop konnte nicht geladen werden|Erneut versuchen' : 'The shop could not be loaded|Retry').split('|');
}
