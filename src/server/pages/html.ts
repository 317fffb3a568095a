import { html as honoHtml, raw } from 'hono/html';
import { inlineStyle } from './inline-styles';

/** HTML made by `html` (or `raw`): a template puts it in as it is, where a plain string is escaped. */
export type Html = ReturnType<typeof raw>;

/**
 * Hono's `html` template: every value is escaped (`& < > " '`) unless it is Html itself, arrays
 * are joined, and `undefined`, `null` and `false` leave nothing. The pages never pass it a
 * promise, so it is always synchronous here.
 * https://hono.dev/docs/helpers/html
 * @example html`<p class="${kind}">${text}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new Error('[fanshop] a page template was given a promise');
  return out;
}

/**
 * JSON inside a <script> element (JSON-LD): `<`, `>` and `&` as JSON escapes, so no text in it
 * can close the element (`</script>`) or open a comment (`<!--`); U+2028/2029 for old parsers.
 */
export function scriptJson(value: unknown): Html {
  return raw(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A page's stylesheet: inside it when it is one the first paint needs (inline-styles.ts), else linked. */
export function stylesheet(href: string): Html {
  const text = inlineStyle(href);
  return text === undefined ? html`<link rel="stylesheet" href="${href}">` : html`<style>${raw(text)}</style>`;
}

/**
 * The shared skeleton of the server's pages; every asset is external, for the strict CSP.
 * `head`: tags crawlers should meet early (a product page's Open Graph), right after the title.
 */
export function page(options: { title: string; lang?: string; css?: readonly string[]; body: Html; description?: string; head?: Html }): string {
  return html`<!doctype html>
<html lang="${options.lang ?? 'en'}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${options.title}</title>
    ${options.head ? html`${options.head}\n    ` : ''}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${options.description ? html`<meta name="description" content="${options.description}">` : ''}
    ${(options.css ?? []).map((href, i) => html`${i ? '\n    ' : ''}${stylesheet(href)}`)}
  </head>
  <body>
${options.body}
  </body>
</html>
`.toString();
}
