import { changedTokens, type EmbedChoices } from './choices';

/**
 * The HTML a merchant pastes into their page for each way to embed (README "Embed it"): only
 * the options that differ from the defaults, every value escaped for an attribute. Pure, so the
 * builder's preview, its tests and the Copy button all see the same text.
 * @example
 * embedSnippet({ ...initialChoices('https://shop.example.com'), language: 'de' })
 * // <div data-fanshop></div>
 * // <script src="https://shop.example.com/fanshop.js" data-catalog="https://shop.example.com/catalog.json" data-locale="de" async></script>
 */
export function embedSnippet(choices: EmbedChoices): string {
  const origin = choices.shopOrigin.replace(/\/+$/, '');
  switch (choices.way) {
    case 'script':
      return scriptTag(origin, choices);
    case 'payment-links':
      // The same tag; the catalog's products carry their paymentLink, and the files may be on
      // any static host (README "Payment Links, without a server").
      return `<!-- Payment Links: every product in the catalog has its paymentLink -->\n${scriptTag(origin, choices)}`;
    case 'element':
      return `<script type="module" src="${escapeAttribute(`${origin}/fanshop-element.js`)}"></script>\n<fanshop-shop${attributes(options(choices, ''))}></fanshop-shop>`;
    case 'iframe': {
      // The framed page (/shop) takes the look from its address (server/pages/page-theme.ts);
      // the frame's loader passes on the language.
      const frame: [string, string][] = [['data-src', framedShopAddress(choices)], ['data-title', choices.frameTitle.trim() || 'Shop']];
      if (choices.language !== 'auto') frame.push(['data-locale', choices.language]);
      return `<div data-fanshop-frame${attributes(frame)}></div>\n<script src="${escapeAttribute(`${origin}/fanshop-frame.js`)}" async></script>`;
    }
  }
}

/**
 * The address of the framed shop: `/shop` with the changed theme tokens as `theme-*` parameters
 * (`?theme-primary=%23c0392b`), and the language when `withLocale` (the preview's; the frame's
 * loader adds it itself).
 */
export function framedShopAddress(choices: EmbedChoices, withLocale = false): string {
  const url = new URL('/shop', choices.shopOrigin);
  for (const [name, value] of Object.entries(changedTokens(choices.theme))) url.searchParams.set(`theme-${kebab(name)}`, String(value));
  if (withLocale && choices.language !== 'auto') url.searchParams.set('locale', choices.language);
  return url.href;
}

function scriptTag(origin: string, choices: EmbedChoices): string {
  return `<div data-fanshop></div>\n<script src="${escapeAttribute(`${origin}/fanshop.js`)}"${attributes(options(choices, 'data-'))} async></script>`;
}

/** The catalog, the language and the changed theme tokens as attributes with `prefix`. */
function options(choices: EmbedChoices, prefix: string): [string, string][] {
  const list: [string, string][] = [[`${prefix}catalog`, choices.catalog.trim()]];
  if (choices.language !== 'auto') list.push([`${prefix}locale`, choices.language]);
  for (const [name, value] of Object.entries(changedTokens(choices.theme))) list.push([`${prefix}theme-${kebab(name)}`, String(value)]);
  return list;
}

function attributes(list: [string, string][]): string {
  return list.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A value inside a double-quoted attribute: `&`, `"`, `<` and `>` as entities. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
