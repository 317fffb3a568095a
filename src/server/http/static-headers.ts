/**
 * Headers for a file of dist/client (the widget, the demo catalog and its images), the same on
 * every runtime. The entry files keep their names across releases (merchants paste them into
 * their pages), so they are revalidated; the chunks they import are named by a hash of their
 * content (`fanshop-CartDrawer-C3zJ3vdw.mjs`), so they never change and are cached for a year;
 * images may be cached for a day. Scripts get open CORS:
 * fanshop.js loads fanshop.mjs with `import()`, and module scripts from another origin (every
 * merchant's page) need it; so does the first view's stylesheet, which fanshop.js fetches on the
 * merchant's page to adopt it in the shop's shadow root (widget/embed.ts).
 * @example
 * staticHeaders('/fanshop.mjs'); // { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' }
 */
/**
 * A chunk of the build (scripts/build.mjs names them `fanshop-<name>-<8-character hash>.mjs`), or
 * the first view's stylesheet (`fanshop-first-view-<hash>.css`).
 */
const HASHED_CHUNK = /\/fanshop-[\w-]+-[\w-]{8}\.(mjs|css)$/;
const FIRST_VIEW_CSS = /\/fanshop-first-view-[\w-]{8}\.css$/;

export function staticHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': HASHED_CHUNK.test(path) ? 'public, max-age=31536000, immutable' : /\.(svg|png|jpe?g|webp)$/.test(path) ? 'public, max-age=86400' : 'no-cache',
  };
  if (path.endsWith('.js') || path.endsWith('.mjs') || FIRST_VIEW_CSS.test(path)) headers['Access-Control-Allow-Origin'] = '*';
  return headers;
}
