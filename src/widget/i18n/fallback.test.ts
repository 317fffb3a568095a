import { describe, expect, it } from 'vitest';
import de from './de';
import en from './en';
import { fallbackTexts } from './fallback';
import { languages } from './messages';

describe('fallbackTexts', () => {
  it.each(languages)('are the %s table’s own error title and Retry', (language) => {
    const table = language === 'de' ? de : en;
    expect(fallbackTexts(language)).toEqual([table.errorTitle, table.retry]);
  });

  it('are in English for a language without a table', () => {
    expect(fallbackTexts('fr')).toEqual(fallbackTexts('en'));
  });
});
