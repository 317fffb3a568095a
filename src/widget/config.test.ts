import { describe, expect, it } from 'vitest';
import { configFromDataset, resolveConfig, themeProperties, type FanshopConfig } from './config';

const catalog = '/catalog.json';

describe('resolveConfig', () => {
  it('fills in every default', () => {
    const config = resolveConfig({ catalog });
    expect(config).toMatchObject({ catalog, headingLevel: 2, showTitle: true, maxQuantity: 99, maxLines: 50 });
    expect(config.theme).toEqual({});
  });

  it('keeps the options the merchant set', () => {
    const onEvent = () => {};
    const config = resolveConfig({
      catalog,
      locale: 'de-AT',
      labels: { addToCart: 'Kaufen' },
      headingLevel: 3,
      showTitle: false,
      maxQuantity: 10,
      maxLines: 5,
      onEvent,
    });
    expect(config).toMatchObject({
      locale: 'de-AT',
      labels: { addToCart: 'Kaufen' },
      headingLevel: 3,
      showTitle: false,
      maxQuantity: 10,
      maxLines: 5,
      onEvent,
    });
  });

  it.each([
    [0, 1],
    [-5, 1],
    [1000, 999],
    [12, 12],
  ])('clamps maxQuantity %s to %s', (maxQuantity, expected) => {
    expect(resolveConfig({ catalog, maxQuantity }).maxQuantity).toBe(expected);
  });

  it.each([
    [0, 1],
    [-1, 1],
    [10_000, 500],
    [20, 20],
  ])('clamps maxLines %s to %s', (maxLines, expected) => {
    expect(resolveConfig({ catalog, maxLines }).maxLines).toBe(expected);
  });

  it.each([Number.NaN, 2.5, Infinity, '12 pieces', null])('uses the default limits for a value that is not a whole number: %s', (bad) => {
    const config = resolveConfig({ catalog, maxQuantity: bad as number, maxLines: bad as number });
    expect([config.maxQuantity, config.maxLines]).toEqual([99, 50]);
  });

  it('reads limits given as text, as a window.FanshopConfig may hold them', () => {
    const config = resolveConfig({ catalog, maxQuantity: '5' as unknown as number, maxLines: '7' as unknown as number });
    expect([config.maxQuantity, config.maxLines]).toEqual([5, 7]);
  });

  it.each([
    [0, 1],
    [9, 6],
    [3, 3],
    [Number.NaN, 4],
  ])('clamps theme columns %s to %s', (columns, expected) => {
    expect(resolveConfig({ catalog, theme: { columns } }).theme.columns).toBe(expected);
  });

  it('keeps only the theme tokens the merchant set, leaving the rest to the CSS defaults', () => {
    expect(resolveConfig({ catalog, theme: { primary: '#c00', radius: '0' } }).theme).toEqual({ primary: '#c00', radius: '0' });
  });

  it('treats empty or undefined theme tokens as not set', () => {
    expect(resolveConfig({ catalog, theme: { primary: '', text: undefined } }).theme).toEqual({});
  });

  // Bug: headingLevel is passed through unchecked (config.ts, resolveConfig), unlike every
  // other number. `data-heading-level="two"` becomes NaN, and Heading renders <hNaN>.
  it.each([Number.NaN, 0, 7, 2.5])('resolves a heading level of %s to one of 1 to 4', (headingLevel) => {
    const config = resolveConfig({ catalog, headingLevel: headingLevel as FanshopConfig['headingLevel'] });
    expect([1, 2, 3, 4]).toContain(config.headingLevel);
  });
});

describe('configFromDataset', () => {
  it('reads each documented data attribute', () => {
    const dataset: DOMStringMap = {
      catalog: '/shop/catalog.json',
      locale: 'de-AT',
      headingLevel: '3',
      showTitle: 'false',
      maxQuantity: '10',
      maxLines: '20',
      themePrimary: '#c00',
      themeFontFamily: 'Georgia, serif',
      themeColumns: '3',
    };
    // Numbers stay text here; resolveConfig reads and clamps them.
    expect(configFromDataset(dataset)).toEqual({
      catalog: '/shop/catalog.json',
      locale: 'de-AT',
      headingLevel: '3',
      showTitle: false,
      maxQuantity: '10',
      maxLines: '20',
      theme: { primary: '#c00', fontFamily: 'Georgia, serif', columns: '3' },
    });
    expect(resolveConfig({ catalog: 'x', ...configFromDataset(dataset) })).toMatchObject({ headingLevel: 3, maxQuantity: 10, maxLines: 20, theme: { columns: 3 } });
  });

  it('reads the social options and the product to open', () => {
    const dataset: DOMStringMap = { product: 'mug', likesUrl: '/likes', facebookAppId: '123', shareHashtag: '#mugs', pixelId: '456', checkoutUrl: '/pay' };
    expect(configFromDataset(dataset)).toEqual(dataset);
  });

  it('gives an empty config for an element without data attributes', () => {
    expect(configFromDataset({})).toEqual({});
  });

  it('ignores data attributes it does not know', () => {
    expect(configFromDataset({ fanshop: '', themeShadow: 'none', catalogUrl: '/x.json' })).toEqual({});
  });

  it('shows the title for any data-show-title other than "false"', () => {
    expect(configFromDataset({ showTitle: 'true' }).showTitle).toBe(true);
    expect(configFromDataset({ showTitle: 'no' }).showTitle).toBe(true);
  });

  it('leaves out attributes that are present but empty', () => {
    expect(configFromDataset({ catalog: '', showTitle: '', themePrimary: '' })).toEqual({});
  });

  it('reads every theme token as data-theme-<token>', () => {
    const theme = configFromDataset({
      themeOnPrimary: '#fff',
      themeBackground: '#111418',
      themeText: '#e8eaed',
      themeRadius: '4px',
      themeDensity: 'compact',
      themeScheme: 'dark',
    }).theme;
    expect(theme).toEqual({ onPrimary: '#fff', background: '#111418', text: '#e8eaed', radius: '4px', density: 'compact', scheme: 'dark' });
  });

  it('yields limits that resolveConfig brings back into range', () => {
    const config = resolveConfig({ catalog, ...configFromDataset({ maxQuantity: 'lots', maxLines: '9999', themeColumns: 'many' }) });
    expect([config.maxQuantity, config.maxLines, config.theme.columns]).toEqual([99, 500, 4]);
  });
});

describe('themeProperties', () => {
  it('sets no property when no token is configured', () => {
    expect(themeProperties({})).toEqual({});
  });

  it('sets only the configured tokens', () => {
    expect(themeProperties({ primary: '#c00' })).toEqual({ '--fanshop-primary': '#c00' });
  });

  it('names each token as a --fanshop-* property in kebab case', () => {
    expect(
      themeProperties({
        primary: '#c00',
        onPrimary: '#fff',
        background: '#000',
        text: '#eee',
        radius: '4px',
        fontFamily: 'Georgia, serif',
        columns: 3,
      }),
    ).toEqual({
      '--fanshop-primary': '#c00',
      '--fanshop-on-primary': '#fff',
      '--fanshop-background': '#000',
      '--fanshop-text': '#eee',
      '--fanshop-radius': '4px',
      '--fanshop-font-family': 'Georgia, serif',
      '--fanshop-columns': '3',
    });
  });

  it('turns density into a spacing factor', () => {
    expect(themeProperties({ density: 'compact' })).toEqual({ '--fanshop-density': '0.7' });
    expect(themeProperties({ density: 'comfortable' })).toEqual({ '--fanshop-density': '1' });
  });

  it('sets no property for defaults a merchant did not configure', () => {
    const config = resolveConfig({ catalog, theme: { fontFamily: 'Georgia, serif' } });
    expect(themeProperties(config.theme)).toEqual({ '--fanshop-font-family': 'Georgia, serif' });
  });
});
