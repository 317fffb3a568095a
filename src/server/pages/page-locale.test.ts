import { describe, expect, it } from 'vitest';
import { choosePageLanguage } from './page-locale';

describe('choosePageLanguage', () => {
  it('takes ?locale= first, then fb_locale, then the browser, then the catalog default', () => {
    expect(choosePageLanguage({ query: 'de-AT', acceptLanguage: 'en', fallback: 'en' })).toBe('de');
    expect(choosePageLanguage({ fbLocale: 'de_DE', acceptLanguage: 'en' })).toBe('de');
    expect(choosePageLanguage({ acceptLanguage: 'de', fallback: 'en' })).toBe('de');
    expect(choosePageLanguage({ fallback: 'de' })).toBe('de');
  });
  it('orders Accept-Language by q and skips what it does not speak or refuses', () => {
    expect(choosePageLanguage({ acceptLanguage: 'fr;q=1, en;q=0.2, de;q=0.8' })).toBe('de');
    expect(choosePageLanguage({ acceptLanguage: 'de;q=0, en;q=0.1' })).toBe('en');
    expect(choosePageLanguage({ acceptLanguage: '*, de;q=0.5' })).toBe('de');
  });
  it('falls back to English for junk and languages it has no texts for', () => {
    expect(choosePageLanguage({ query: '<script>', acceptLanguage: 'q=;;,', fallback: 'fr' })).toBe('en');
  });
});
