import { describe, expect, it } from 'vitest';
import { SHELL_TEXTS, studioLanguage } from './i18n';

describe('the studio’s language', () => {
  it('is the browser’s first language the studio has texts for, else English', () => {
    expect(studioLanguage(['de-AT', 'en'])).toBe('de');
    expect(studioLanguage(['fr-FR', 'DE'])).toBe('de');
    expect(studioLanguage(['fr', 'es'])).toBe('en');
    expect(studioLanguage([])).toBe('en');
  });

  it('has every text in both languages', () => {
    expect(Object.keys(SHELL_TEXTS.de).sort()).toEqual(Object.keys(SHELL_TEXTS.en).sort());
    expect(SHELL_TEXTS.de.tooMany(1)).toBe('Zu viele falsche Passwörter. Versuchen Sie es in 1 Sekunde wieder.');
    expect(SHELL_TEXTS.en.tooMany(4)).toBe('Too many wrong passwords. Try again in 4 seconds.');
  });
});
