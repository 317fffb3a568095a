/**
 * A plain-text description as paragraphs: a blank line starts a new one (the catalog format's
 * rule, docs/catalog-format.md), for the widget's product view and the server's product pages.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
