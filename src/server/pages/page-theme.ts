/**
 * The look a `/shop` page takes from its address, as the embed builder's iframe snippet writes
 * it (src/studio/builder/snippet.ts): `?theme-primary=%23c0392b&theme-radius=0px`, the names of
 * the widget's `data-theme-*` attributes (README "Theme"). A framed page cannot be styled from
 * the page around it, so its address carries the look. Each value must look like what its token
 * takes; anything else is left out, and the page keeps its own look for that token.
 */
const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/a-z]{1,40}\)|[a-z]{3,20})$/i;
const TOKENS = {
  primary: COLOUR,
  'on-primary': COLOUR,
  background: COLOUR,
  text: COLOUR,
  radius: /^\d{1,3}(\.\d{1,2})?(px|rem|em|%)$/,
  'font-family': /^[\p{L}\p{N} ,'"-]{1,120}$/u,
  density: /^(comfortable|compact)$/,
  columns: /^[1-6]$/,
  scheme: /^(light|dark|auto)$/,
} as const;

/** The page's `data-theme-*` attributes, as [name, value] pairs, from its query. */
export function pageTheme(query: (name: string) => string | undefined): [string, string][] {
  const attributes: [string, string][] = [];
  for (const [token, pattern] of Object.entries(TOKENS)) {
    const value = query(`theme-${token}`)?.trim();
    if (value && pattern.test(value)) attributes.push([`data-theme-${token}`, value]);
  }
  return attributes;
}
