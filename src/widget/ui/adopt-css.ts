/**
 * Styles enter the shadow root as constructed stylesheets: they work under a
 * Content-Security-Policy without 'unsafe-inline' (a <style> element would be blocked), and one
 * sheet is shared by every shop on the page.
 * https://developer.mozilla.org/docs/Web/API/ShadowRoot/adoptedStyleSheets
 */
const sheets = new Map<string, CSSStyleSheet>();

export function adoptCss(root: ShadowRoot | Document, css: string): void {
  // The server's first view (ssr.tsx) has no root: its page links the same styles.
  if (!root.adoptedStyleSheets) return;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
