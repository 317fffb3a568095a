/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The shared skeleton of the demo pages; every asset is external, for the strict CSP. */
export function page(options: { title: string; lang?: string; css?: string[]; body: string; description?: string }): string {
  const css = (options.css ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n    ');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(options.title)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : ''}
    ${css}
  </head>
  <body>
${options.body}
  </body>
</html>
`;
}
