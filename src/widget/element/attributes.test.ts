import { describe, expect, it } from 'vitest';
import { elementAttributes, elementConfig, remountKey } from './attributes';

const attrs = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }));

describe('elementAttributes', () => {
  it('are the data-* options without their prefix, in kebab case', () => {
    expect(elementAttributes).toEqual(
      expect.arrayContaining(['catalog', 'locale', 'product', 'heading-level', 'show-title', 'max-quantity', 'max-lines', 'checkout-url', 'likes-url', 'facebook-app-id', 'share-hashtag', 'pixel-id']),
    );
    expect(elementAttributes).toEqual(expect.arrayContaining(['theme-primary', 'theme-on-primary', 'theme-background', 'theme-text', 'theme-radius', 'theme-font-family', 'theme-density', 'theme-columns', 'theme-scheme']));
  });
});

describe('elementConfig', () => {
  it('reads each attribute as its data-* twin is read', () => {
    const config = elementConfig({
      attributes: attrs({ catalog: '/catalog.json', locale: 'de', 'heading-level': '3', 'show-title': 'false', 'max-quantity': '5', 'checkout-url': 'https://x.example/api/checkout', 'pixel-id': '123' }),
    });
    expect(config).toEqual({ catalog: '/catalog.json', locale: 'de', headingLevel: '3', showTitle: false, maxQuantity: '5', checkoutUrl: 'https://x.example/api/checkout', pixelId: '123' });
  });

  it('reads theme-* attributes as theme tokens', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json', 'theme-primary': '#c00', 'theme-font-family': 'Georgia, serif', 'theme-columns': '3', 'theme-scheme': 'dark' }) });
    expect(config.theme).toEqual({ primary: '#c00', fontFamily: 'Georgia, serif', columns: '3', scheme: 'dark' });
  });

  it('leaves out unknown and empty attributes (class, style, a framework’s own)', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json', class: 'shop', style: 'color:red', 'data-v-1234': '', locale: '' }) });
    expect(config).toEqual({ catalog: '/c.json' });
  });

  it('lays the theme property over the theme-* attributes, token by token', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json', 'theme-primary': '#c00', 'theme-radius': '4px' }), theme: { primary: '#00c', text: '#222' } });
    expect(config.theme).toEqual({ primary: '#00c', radius: '4px', text: '#222' });
  });

  it('takes the labels property as the labels option', () => {
    expect(elementConfig({ attributes: attrs({ catalog: '/c.json' }), labels: { addToCart: 'Buy' } }).labels).toEqual({ addToCart: 'Buy' });
  });

  it('ignores theme and labels properties that are not objects', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json' }), theme: 'red' as never, labels: ['x'] as never });
    expect(config).toEqual({ catalog: '/c.json' });
  });
});

describe('remountKey', () => {
  const base = { catalog: '/c.json', locale: 'en' };

  it('stays the same when only CSS tokens change', () => {
    expect(remountKey({ ...base, theme: { primary: '#000', radius: '0px', columns: 2 } })).toBe(remountKey({ ...base, theme: { primary: '#fff' } }));
  });

  it('changes with the scheme, the language or the catalog', () => {
    const key = remountKey({ ...base, theme: { scheme: 'light' } });
    expect(remountKey({ ...base, theme: { scheme: 'dark' } })).not.toBe(key);
    expect(remountKey({ ...base, locale: 'de', theme: { scheme: 'light' } })).not.toBe(key);
    expect(remountKey({ ...base, catalog: '/d.json', theme: { scheme: 'light' } })).not.toBe(key);
  });
});
