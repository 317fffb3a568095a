import { describe, expect, it } from 'vitest';
import deFirst from './de';
import deMore from './de-more';
import enFirst from './en';
import enMore from './en-more';
import { chooseLocale, messagesFor } from './locale';
import { languages, loadMessages, loadMoreMessages, type Messages } from './messages';

// Each language's two tables (first view, and the rest) together.
const en: Messages = { ...enFirst, ...enMore };
const de: Messages = { ...deFirst, ...deMore };
const messageTables: Record<string, Messages> = { en, de };

describe('chooseLocale', () => {
  // The order the README documents: the merchant's explicit choice, then the language the
  // merchant gave the page, then the shopper's browser.
  it('takes explicit config first, then the page’s lang, then the browser’s languages', () => {
    const browser = ['fr-FR', 'de-DE'];
    expect(chooseLocale({ config: 'en-GB', pageLang: 'de', browser }).locale).toBe('en-GB');
    expect(chooseLocale({ pageLang: 'en', browser }).locale).toBe('en');
    expect(chooseLocale({ browser }).locale).toBe('de-DE');
  });

  it('looks past a page lang it has no texts for to the browser’s languages', () => {
    expect(chooseLocale({ pageLang: 'fr', browser: ['fr', 'de-AT'] })).toEqual({ locale: 'de-AT', language: 'de' });
  });

  it('takes the configured locale over every other source', () => {
    expect(chooseLocale({ config: 'de', pageLang: 'en', browser: ['en-US'], catalogDefault: 'en' })).toEqual({ locale: 'de', language: 'de' });
  });

  it("takes the page's lang when nothing is configured", () => {
    expect(chooseLocale({ pageLang: 'de', browser: ['en-US'], catalogDefault: 'en' })).toEqual({ locale: 'de', language: 'de' });
  });

  it("takes the browser's first supported language when the page has no lang", () => {
    expect(chooseLocale({ pageLang: '', browser: ['fr-FR', 'de-CH', 'en'], catalogDefault: 'en' })).toEqual({
      locale: 'de-CH',
      language: 'de',
    });
  });

  it("takes the catalog's default locale when nothing before it is supported", () => {
    expect(chooseLocale({ pageLang: 'fr', browser: ['it', 'es'], catalogDefault: 'de' })).toEqual({ locale: 'de', language: 'de' });
  });

  it('falls back to English when no source names a supported language', () => {
    expect(chooseLocale({ config: 'fr', pageLang: 'pl', browser: ['ja'], catalogDefault: 'it' })).toEqual({ locale: 'en', language: 'en' });
    expect(chooseLocale({})).toEqual({ locale: 'en', language: 'en' });
  });

  it('keeps the full tag for formatting but uses the table of its language', () => {
    expect(chooseLocale({ config: 'de-AT' })).toEqual({ locale: 'de-AT', language: 'de' });
  });

  it('writes a tag the canonical way whatever its case', () => {
    expect(chooseLocale({ pageLang: 'DE-at' })).toEqual({ locale: 'de-AT', language: 'de' });
  });

  it.each(['xx_YY', '', '   ', 'de_DE', '1234'])('skips the junk tag %j and takes the next source', (junk) => {
    expect(chooseLocale({ config: junk, pageLang: junk, browser: [junk], catalogDefault: 'de' })).toEqual({ locale: 'de', language: 'de' });
  });

  it('skips a null page lang', () => {
    expect(chooseLocale({ pageLang: null, browser: ['de'] }).language).toBe('de');
  });
});

describe('messagesFor', () => {
  it('gives the table unchanged with no overrides', () => {
    expect(messagesFor(de, 'de')).toBe(de);
  });

  it('applies a string override in every language', () => {
    expect(messagesFor(en, 'en', { addToCart: 'Buy' }).addToCart).toBe('Buy');
    expect(messagesFor(de, 'de', { addToCart: 'Buy' }).addToCart).toBe('Buy');
  });

  it('leaves labels without an override as they are', () => {
    expect(messagesFor(de, 'de', { addToCart: 'Kaufen' }).soldOut).toBe('Ausverkauft');
  });

  it('applies a per-language override only in that language', () => {
    const overrides = { de: { addToCart: 'Kaufen' } };
    expect(messagesFor(de, 'de', overrides).addToCart).toBe('Kaufen');
    expect(messagesFor(en, 'en', overrides).addToCart).toBe('Add to cart');
  });

  it('prefers the per-language override to the one for every language', () => {
    expect(messagesFor(de, 'de', { addToCart: 'Buy', de: { addToCart: 'Kaufen' } }).addToCart).toBe('Kaufen');
    expect(messagesFor(en, 'en', { addToCart: 'Buy', de: { addToCart: 'Kaufen' } }).addToCart).toBe('Buy');
  });

  it('fills {0}-style placeholders of a string that overrides a message taking values', () => {
    const t = messagesFor(en, 'en', { limitReached: 'Max {0} per order', showImage: 'Image {0}/{1}' });
    expect(t.limitReached(3)).toBe('Max 3 per order');
    expect(t.showImage(2, 5)).toBe('Image 2/5');
  });

  it('fills a placeholder with nothing when the value is missing', () => {
    const t = messagesFor(en, 'en', { showImage: 'Image {0} of {1}' }) as unknown as Record<string, (...args: unknown[]) => string>;
    expect(t.showImage!(2)).toBe('Image 2 of ');
  });

  it('ignores keys that name no message', () => {
    const t = messagesFor(en, 'en', { addToKart: 'Buy', de: { addToKart: 'Kaufen' } });
    expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
    expect(t.addToCart).toBe('Add to cart');
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { text: 'Buy' }],
    ['a function', () => 'Buy'],
  ])('ignores an override that is %s', (_, value) => {
    const t = messagesFor(en, 'en', { addToCart: value, resultCount: value });
    expect(t.addToCart).toBe('Add to cart');
    expect(t.resultCount(3)).toBe('3 products');
  });
});

describe('loadMessages', () => {
  it('loads the German tables for German', async () => {
    expect(await loadMessages('de')).toBe(deFirst);
    expect(await loadMoreMessages('de')).toBe(deMore);
  });

  it('loads the English tables for any other language', async () => {
    expect(await loadMessages('en')).toBe(enFirst);
    expect(await loadMessages('fr')).toBe(enFirst);
    expect(await loadMoreMessages('fr')).toBe(enMore);
  });

  it('keep the first view’s labels and the rest apart', () => {
    expect(Object.keys(enFirst).filter((key) => key in enMore)).toEqual([]);
    expect(Object.keys(deFirst).sort()).toEqual(Object.keys(enFirst).sort());
  });
});

describe('message tables', () => {
  it('exist for every language chooseLocale may pick', () => {
    expect([...languages].sort()).toEqual(Object.keys(messageTables).sort());
  });

  const sampleArgs = [7, 8, 9];
  const functions = (table: Messages) =>
    Object.entries(table).filter((entry): entry is [string, (...args: unknown[]) => string] => typeof entry[1] === 'function');

  it('give German exactly the keys of English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('make each German message a text where English has a text and a function where English has one', () => {
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      expect([key, typeof de[key]]).toEqual([key, typeof en[key]]);
    }
  });

  it.each(Object.keys(messageTables))('have no empty text in the %s table', (language) => {
    const empty = Object.entries(messageTables[language]!).filter(([, value]) => typeof value === 'string' && !value.trim());
    expect(empty).toEqual([]);
  });

  it.each(Object.keys(messageTables))('have every %s message that takes values use each value it is given', (language) => {
    for (const [key, message] of functions(messageTables[language]!)) {
      const args = sampleArgs.slice(0, message.length);
      const text = message(...args);
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      for (const arg of args) expect([key, text.includes(String(arg))]).toEqual([key, true]);
    }
  });
});
