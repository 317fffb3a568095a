const sheets = new Map<string, CSSStyleSheet>();

/**
 * A section's styles as a constructed stylesheet on the document: allowed by the studio's
 * strict Content-Security-Policy (no inline <style>), and added once however often the section
 * opens. Sections are chunks of their own, whose CSS files the build does not link
 * (scripts/build.mjs `studioBundle`, lib mode): each imports its CSS `?inline` and adopts it.
 */
export function adoptStyles(text: string): void {
  // A browser without constructed stylesheets (Safari before 16.4) shows the section unstyled
  // rather than not at all.
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  let sheet = sheets.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
