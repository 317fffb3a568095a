import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { pageTheme } from './page-theme';

const query = (params: Record<string, string>) => (name: string) => params[name];

describe('pageTheme', () => {
  it('takes each token the widget has, as its data-theme-* attribute', () => {
    expect(
      pageTheme(query({ 'theme-primary': '#c0392b', 'theme-on-primary': 'white', 'theme-background': 'rgb(250 250 250)', 'theme-text': 'hsl(210 20% 10%)', 'theme-radius': '0px', 'theme-font-family': 'Georgia, "Times New Roman", serif', 'theme-density': 'compact', 'theme-columns': '3', 'theme-scheme': 'dark' })),
    ).toEqual([
      ['data-theme-primary', '#c0392b'],
      ['data-theme-on-primary', 'white'],
      ['data-theme-background', 'rgb(250 250 250)'],
      ['data-theme-text', 'hsl(210 20% 10%)'],
      ['data-theme-radius', '0px'],
      ['data-theme-font-family', 'Georgia, "Times New Roman", serif'],
      ['data-theme-density', 'compact'],
      ['data-theme-columns', '3'],
      ['data-theme-scheme', 'dark'],
    ]);
  });

  it('leaves out values that are not what their token takes, and names it does not know', () => {
    expect(
      pageTheme(query({ 'theme-primary': 'red; background: url(x)', 'theme-radius': '12', 'theme-columns': '9', 'theme-scheme': 'sepia', 'theme-font-family': '</style><script>', 'theme-shadow': '0 0 4px' })),
    ).toEqual([]);
  });
});

describe('/shop with a look in its address', () => {
  const app = createApp({ catalog: { read: async () => readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8') } });

  it('puts the look on the shop as its data-theme-* attributes, escaped, and lets the widget render it in that look', async () => {
    const page = await (await app.request('/shop?theme-primary=%23c0392b&theme-font-family=%22Fira%20Sans%22%2C%20sans-serif&theme-columns=2')).text();
    expect(page).toContain('<div data-fanshop data-heading-level="1" data-theme-primary="#c0392b" data-theme-font-family="&quot;Fira Sans&quot;, sans-serif" data-theme-columns="2">');
    // No server-rendered first view in the shop's own look, which would show before this one.
    expect(page).not.toContain('shadowrootmode');
  });

  it('keeps its server-rendered first view when the address asks for no look, or only for values it does not take', async () => {
    for (const path of ['/shop', '/shop?theme-primary=javascript:alert(1)']) {
      const page = await (await app.request(path)).text();
      expect(page).toContain('<template shadowrootmode="open">');
      expect(page).not.toContain('data-theme-');
    }
  });
});
