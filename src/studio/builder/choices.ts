/**
 * What a merchant chooses in the embed builder, and the widget's defaults for each choice (the
 * same as src/widget/config.ts and the README's Configuration table; choices.test.ts checks the
 * names against the widget's). The studio imports no widget code: it previews the shop with the
 * shop's own `<fanshop-shop>` element, loaded from the server.
 */

/** The four ways to put the shop on a page (README "Embed it"). */
export const embedWays = ['script', 'element', 'iframe', 'payment-links'] as const;
export type EmbedWay = (typeof embedWays)[number];

export const schemes = ['light', 'dark', 'auto'] as const;
export const densities = ['comfortable', 'compact'] as const;
/** `auto`: the page's `lang`, then the shopper's browser (README "Language"). */
export const languages = ['auto', 'en', 'de'] as const;

/** The theme tokens the builder offers, by the widget's names (config.ts `ThemeTokens`). */
export interface ThemeChoices {
  primary: string;
  background: string;
  text: string;
  radius: string;
  fontFamily: string;
  density: (typeof densities)[number];
  columns: number;
  scheme: (typeof schemes)[number];
}

export interface EmbedChoices {
  way: EmbedWay;
  /** The shop's server, where fanshop.js and its siblings are served: `https://shop.example.com`. */
  shopOrigin: string;
  /** The catalog's URL, absolute. */
  catalog: string;
  theme: ThemeChoices;
  language: (typeof languages)[number];
  /** The iframe's title, which screen readers announce. */
  frameTitle: string;
}

/** The look a shop has when the merchant sets nothing, per scheme (config.ts, styles.css). */
export const defaultTheme: ThemeChoices = {
  primary: '#0f5cc0',
  background: '#ffffff',
  text: '#1b1f24',
  radius: '12px',
  fontFamily: '',
  density: 'comfortable',
  columns: 4,
  scheme: 'light',
};
export const darkColours: Pick<ThemeChoices, 'primary' | 'background' | 'text'> = { primary: '#7ab0ff', background: '#111418', text: '#e8eaed' };

/** Font stacks a merchant picks from; `''` is the widget's own system stack. */
export const fontStacks = ['', 'Georgia, serif', '"Helvetica Neue", Arial, sans-serif', 'ui-rounded, system-ui, sans-serif', 'ui-monospace, Menlo, monospace'] as const;
export const radii = ['0px', '4px', '8px', '12px', '20px'] as const;

/** The builder's first choices for a shop served from `shopOrigin`: its own catalog, the default look. */
export function initialChoices(shopOrigin: string): EmbedChoices {
  return { way: 'script', shopOrigin, catalog: `${shopOrigin}/catalog.json`, theme: { ...defaultTheme }, language: 'auto', frameTitle: '' };
}

/**
 * The tokens that differ from what the shop shows anyway: those go into a snippet, the rest
 * would only be noise. A colour is compared with its default in the chosen scheme (`auto`
 * shows the light one first, so it is compared with that).
 */
export function changedTokens(theme: ThemeChoices): Partial<ThemeChoices> {
  const defaults: ThemeChoices = theme.scheme === 'dark' ? { ...defaultTheme, ...darkColours } : defaultTheme;
  const changed: Partial<ThemeChoices> = {};
  for (const key of Object.keys(defaultTheme) as (keyof ThemeChoices)[]) {
    const value = theme[key];
    const same = typeof value === 'string' ? value.trim().toLowerCase() === String(defaults[key]).toLowerCase() : value === defaults[key];
    if (!same) (changed as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return changed;
}

/**
 * The theme in another scheme: a colour still at the old scheme's default moves to the new
 * one's, so choosing Dark gives the dark look rather than light colours on a dark shop; a
 * colour the merchant picked stays.
 */
export function withScheme(theme: ThemeChoices, scheme: ThemeChoices['scheme']): ThemeChoices {
  const colours = (s: ThemeChoices['scheme']) => (s === 'dark' ? darkColours : defaultTheme);
  const from = colours(theme.scheme);
  const to = colours(scheme);
  const next = { ...theme, scheme };
  for (const key of ['primary', 'background', 'text'] as const) if (theme[key].toLowerCase() === from[key]) next[key] = to[key];
  return next;
}
