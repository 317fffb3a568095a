/**
 * Stylesheets the pages need before their first paint, sent inside them as `<style>` instead of
 * linked: the first view's (pages/first-view.ts), /shop's and /p's own (html.ts `page`). A linked
 * one held the first card back by a request each (issue 12's bench: /shop's first card 135 ms
 * linked, 97 ms inline, medians of 15 interleaved loads). The strict CSP allows exactly these by
 * their hashes (http/security.ts). Made at build time from dist/client (scripts/widget-base.mjs).
 */
export const INLINE_STYLES: Readonly<Record<string, string>> = __FANSHOP_INLINE_STYLES__;
export const INLINE_STYLE_HASHES: readonly string[] = __FANSHOP_INLINE_STYLE_HASHES__;

/** The text of the stylesheet at `href` (under any base path) when it is one of those. */
export function inlineStyle(href: string): string | undefined {
  const path = Object.keys(INLINE_STYLES).find((p) => href.endsWith(p));
  return path === undefined ? undefined : INLINE_STYLES[path];
}
