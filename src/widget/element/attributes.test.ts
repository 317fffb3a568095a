import { describe, expect, it } from 'vitest';
import { elementConfig, remountKey } from './attributes';

const attrs = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }));

describe('elementConfig', () => {
  it('reads each attribute as its data-* twin is read', () => {
    const config = elementConfig({
      attributes: attrs({ catalog: '/catalog.json', locale: 'de', 'heading-level': '3', 'show-title': 'false', 'max-quantity': '5', 'checkout-url': 'https://x.example/api/checkout', 'pixel-id': '123' }),
    });
    expect(config).toEqual({ catalog: '/catalog.json', locale: 'de', headingLevel: '3', showTitle: false, maxQuantity: '5', checkoutUrl: 'https://x.example/api/checkout', pixelId: '123' });
  });

  it('reads every data-* option by its name without the prefix', () => {
    const names = { catalog: 'catalog', locale: 'locale', product: 'product', 'heading-level': 'headingLevel', 'max-quantity': 'maxQuantity', 'max-lines': 'maxLines', 'checkout-url': 'checkoutUrl', 'likes-url': 'likesUrl', 'facebook-app-id': 'facebookAppId', 'share-hashtag': 'shareHashtag', 'pixel-id': 'pixelId' };
    const config = elementConfig({ attributes: attrs(Object.fromEntries(Object.keys(names).map((name) => [name, `v-${name}`]))) }) as Record<string, unknown>;
    for (const [name, option] of Object.entries(names)) expect(config[option], name).toBe(`v-${name}`);
    const theme = elementConfig({ attributes: attrs({ 'theme-primary': 'a', 'theme-on-primary': 'b', 'theme-background': 'c', 'theme-text': 'd', 'theme-radius': 'e', 'theme-font-family': 'f', 'theme-density': 'g', 'theme-columns': 'h', 'theme-scheme': 'i' }) }).theme;
    expect(theme).toEqual({ primary: 'a', onPrimary: 'b', background: 'c', text: 'd', radius: 'e', fontFamily: 'f', density: 'g', columns: 'h', scheme: 'i' });
  });

  it('reads theme-* attributes as theme tokens', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json', 'theme-primary': '#c00', 'theme-font-family': 'Georgia, serif', 'theme-columns': '3', 'theme-scheme': 'dark' }) });
    expect(config.theme).toEqual({ primary: '#c00', fontFamily: 'Georgia, serif', columns: '3', scheme: 'dark' });
  });

  it('leaves out unknown and empty attributes (class, style, a framework’s own)', () => {
    const config = elementConfig({ attributes: attrs({ catalog: '/c.json', class: 'shop', style: 'color:red', 'data-v-1234': '', 'data-catalog': '/other.json', theme: 'x', locale: '' }) });
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
