import { describe, expect, it } from 'vitest';
import { elementConfig } from '../../widget/element/attributes';
import { changedTokens, darkColours, defaultTheme, withScheme } from './choices';

describe('the builder’s choices', () => {
  it('are theme tokens the widget reads, by the attribute names the snippets write', () => {
    for (const key of Object.keys(defaultTheme)) {
      const name = `theme-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      expect(elementConfig({ attributes: [{ name, value: 'x' }] }).theme, name).toEqual({ [key]: 'x' });
    }
  });

  it('start from the widget’s own defaults, light and dark (styles.css)', async () => {
    // Vitest hands CSS imports over empty; the file is read as text. (The studio's project has
    // no Node types, so the module is named at run time.)
    const fs = (await import(['node', 'fs'].join(':'))) as { readFileSync(path: URL, encoding: 'utf8'): string };
    const css = fs.readFileSync(new URL('../../widget/ui/styles.css', import.meta.url), 'utf8');
    const light = css.slice(0, css.indexOf('[data-scheme="dark"]'));
    const dark = css.slice(css.indexOf('[data-scheme="dark"]'));
    const fallback = (text: string, name: string) => new RegExp(`var\\(--fanshop-${name}, ([^)]+)\\)`).exec(text)?.[1];
    const long = (hex: string | undefined) => (hex && hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);
    expect(long(fallback(light, 'primary'))).toBe(defaultTheme.primary);
    expect(long(fallback(light, 'background'))).toBe(defaultTheme.background);
    expect(long(fallback(light, 'text'))).toBe(defaultTheme.text);
    expect(fallback(css, 'radius')).toBe(defaultTheme.radius);
    expect(fallback(css, 'columns')).toBe(String(defaultTheme.columns));
    expect(long(fallback(dark, 'primary'))).toBe(darkColours.primary);
    expect(long(fallback(dark, 'background'))).toBe(darkColours.background);
    expect(long(fallback(dark, 'text'))).toBe(darkColours.text);
  });
});

describe('changedTokens', () => {
  it('is empty for the default look', () => {
    expect(changedTokens(defaultTheme)).toEqual({});
  });

  it('keeps each token that differs, and only those', () => {
    expect(changedTokens({ ...defaultTheme, primary: '#C0392B', columns: 3 })).toEqual({ primary: '#C0392B', columns: 3 });
    expect(changedTokens({ ...defaultTheme, radius: '0px', fontFamily: 'Georgia, serif', density: 'compact' })).toEqual({ radius: '0px', fontFamily: 'Georgia, serif', density: 'compact' });
  });

  it('compares colours without regard to case', () => {
    expect(changedTokens({ ...defaultTheme, primary: '#0F5CC0' })).toEqual({});
  });

  it('compares colours with the dark defaults in the dark scheme', () => {
    expect(changedTokens({ ...defaultTheme, ...darkColours, scheme: 'dark' })).toEqual({ scheme: 'dark' });
    // The light defaults are a choice in the dark scheme.
    expect(changedTokens({ ...defaultTheme, scheme: 'dark' })).toEqual({ scheme: 'dark', ...{ primary: defaultTheme.primary, background: defaultTheme.background, text: defaultTheme.text } });
  });
});

describe('withScheme', () => {
  it('moves colours at their defaults to the new scheme’s defaults', () => {
    expect(withScheme(defaultTheme, 'dark')).toEqual({ ...defaultTheme, ...darkColours, scheme: 'dark' });
    expect(withScheme({ ...defaultTheme, ...darkColours, scheme: 'dark' }, 'auto')).toEqual({ ...defaultTheme, scheme: 'auto' });
  });

  it('keeps a colour the merchant picked', () => {
    expect(withScheme({ ...defaultTheme, primary: '#c0392b' }, 'dark')).toEqual({ ...defaultTheme, ...darkColours, primary: '#c0392b', scheme: 'dark' });
  });
});
