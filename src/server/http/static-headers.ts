/**
 * Headers for a file of dist/client (the widget, the demo catalog and its images), the same on
 * every runtime. The widget files keep their names across releases (merchants paste them into
 * their pages), so they are revalidated; images may be cached for a day. Scripts get open CORS:
 * fanshop.js loads fanshop.mjs with `import()`, and module scripts from another origin (every
 * merchant's page) need it.
 * @example
 * staticHeaders('/fanshop.mjs'); // { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' }
 */
export function staticHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': /\.(svg|png|jpe?g|webp)$/.test(path) ? 'public, max-age=86400' : 'no-cache',
  };
  if (path.endsWith('.js') || path.endsWith('.mjs')) headers['Access-Control-Allow-Origin'] = '*';
  return headers;
}
