/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The shared skeleton of the server's pages; every asset is external, for the strict CSP.
 * `head`: tags crawlers should meet early (a product page's Open Graph), right after the title.
 */
export function page(options: { title: string; lang?: string; css?: string[]; body: string; description?: string; head?: string }): string {
  const css = (options.css ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n    ');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(options.title)}</title>
    ${options.head ? `${options.head}\n    ` : ''}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : ''}
    ${css}
  </head>
  <body>
${options.body}
  </body>
</html>
`;
}
