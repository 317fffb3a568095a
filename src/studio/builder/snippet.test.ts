import { describe, expect, it } from 'vitest';
import { defaultTheme, initialChoices, type EmbedChoices } from './choices';
import { embedSnippet, framedShopAddress, escapeAttribute } from './snippet';

const shop = 'https://shop.example.com';
const choices = (over: Partial<EmbedChoices> = {}, theme: Partial<EmbedChoices['theme']> = {}): EmbedChoices => {
  const base = initialChoices(shop);
  return { ...base, ...over, theme: { ...base.theme, ...theme } };
};

describe('embedSnippet: the script tag', () => {
  it('is the README’s snippet when nothing is changed', () => {
    expect(embedSnippet(choices())).toBe(`<div data-fanshop></div>\n<script src="${shop}/fanshop.js" data-catalog="${shop}/catalog.json" async></script>`);
  });

  it('names the language unless it is auto', () => {
    expect(embedSnippet(choices({ language: 'de' }))).toContain(' data-locale="de" ');
    expect(embedSnippet(choices({ language: 'en' }))).toContain(' data-locale="en" ');
    expect(embedSnippet(choices({ language: 'auto' }))).not.toContain('data-locale');
  });

  it.each([
    ['primary', '#c0392b', 'data-theme-primary="#c0392b"'],
    ['background', '#fafafa', 'data-theme-background="#fafafa"'],
    ['text', '#222222', 'data-theme-text="#222222"'],
    ['radius', '0px', 'data-theme-radius="0px"'],
    ['fontFamily', 'Georgia, serif', 'data-theme-font-family="Georgia, serif"'],
    ['density', 'compact', 'data-theme-density="compact"'],
    ['columns', 3, 'data-theme-columns="3"'],
    ['scheme', 'auto', 'data-theme-scheme="auto"'],
  ] as const)('writes a changed %s as %s', (key, value, attribute) => {
    const text = embedSnippet(choices({}, { [key]: value }));
    expect(text).toContain(` ${attribute}`);
    expect(text.match(/data-theme-/g)).toHaveLength(1);
  });

  it('leaves out every token at its default', () => {
    expect(embedSnippet(choices({}, { ...defaultTheme }))).not.toContain('data-theme-');
  });

  it('escapes what could end an attribute or start a tag', () => {
    const text = embedSnippet(choices({ catalog: 'https://x.example/c.json?a=1&b="2"><script>' }, { fontFamily: '"Helvetica Neue", Arial' }));
    expect(text).toContain('data-catalog="https://x.example/c.json?a=1&amp;b=&quot;2&quot;&gt;&lt;script&gt;"');
    expect(text).toContain('data-theme-font-family="&quot;Helvetica Neue&quot;, Arial"');
    expect(text.match(/<script/g)).toHaveLength(1);
  });

  it('takes the shop’s address with or without a trailing slash', () => {
    expect(embedSnippet(choices({ shopOrigin: `${shop}/` }))).toContain(`src="${shop}/fanshop.js"`);
  });
});

describe('embedSnippet: the custom element', () => {
  it('loads fanshop-element.js and writes the options as attributes without data-', () => {
    expect(embedSnippet(choices({ way: 'element', language: 'de' }, { primary: '#c0392b', columns: 2 }))).toBe(
      `<script type="module" src="${shop}/fanshop-element.js"></script>\n<fanshop-shop catalog="${shop}/catalog.json" locale="de" theme-primary="#c0392b" theme-columns="2"></fanshop-shop>`,
    );
  });

  it('escapes its attributes too', () => {
    expect(embedSnippet(choices({ way: 'element' }, { fontFamily: 'A "B" <C>' }))).toContain('theme-font-family="A &quot;B&quot; &lt;C&gt;"');
  });
});

describe('embedSnippet: the iframe', () => {
  it('frames /shop with a title, through fanshop-frame.js', () => {
    expect(embedSnippet(choices({ way: 'iframe', frameTitle: 'Our shop' }))).toBe(
      `<div data-fanshop-frame data-src="${shop}/shop" data-title="Our shop"></div>\n<script src="${shop}/fanshop-frame.js" async></script>`,
    );
  });

  it('gives the frame a title even when none is typed, and passes the language on', () => {
    const text = embedSnippet(choices({ way: 'iframe', frameTitle: '  ', language: 'de' }));
    expect(text).toContain('data-title="Shop"');
    expect(text).toContain('data-locale="de"');
  });

  it('carries the changed look in the framed page’s address, which /shop takes (server/pages/page-theme.ts)', () => {
    expect(embedSnippet(choices({ way: 'iframe' }, { primary: '#c0392b', fontFamily: 'Georgia, serif' }))).toContain(
      `data-src="${shop}/shop?theme-primary=%23c0392b&amp;theme-font-family=Georgia%2C+serif"`,
    );
    expect(framedShopAddress(choices({ way: 'iframe', language: 'de' }, { radius: '0px' }), true)).toBe(`${shop}/shop?theme-radius=0px&locale=de`);
  });
});

describe('embedSnippet: Payment Links', () => {
  it('is the script tag with a reminder that every product needs its link', () => {
    const text = embedSnippet(choices({ way: 'payment-links' }, { radius: '4px' }));
    expect(text.split('\n')[0]).toBe('<!-- Payment Links: every product in the catalog has its paymentLink -->');
    expect(text).toContain(`<script src="${shop}/fanshop.js" data-catalog="${shop}/catalog.json" data-theme-radius="4px" async></script>`);
  });
});

describe('escapeAttribute', () => {
  it('escapes & first, so entities are not escaped twice', () => {
    expect(escapeAttribute('&quot;')).toBe('&amp;quot;');
  });
});
