/**
 * Absolute addresses of a shop's things, for the places that must not be relative: Open Graph
 * and schema.org (crawlers read them out of context), feeds and shared links.
 */

/**
 * A product's own page, `<baseUrl>/p/<id>`: what shares share and crawlers read.
 * @example productPageUrl('https://shop.example', 'mug') // "https://shop.example/p/mug"
 */
export function productPageUrl(baseUrl: string, productId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${encodeURIComponent(productId)}`;
}

/**
 * A catalog image's `src` made absolute. Relative sources are relative to the catalog file,
 * which lives at the shop's base URL (`<baseUrl>/catalog.json`), as the widget resolves them.
 * @example catalogAssetUrl('images/mug.png', 'https://shop.example') // "https://shop.example/images/mug.png"
 */
export function catalogAssetUrl(src: string, baseUrl: string): string {
  return new URL(src, `${baseUrl.replace(/\/+$/, '')}/`).href;
}

/**
 * The path of the shop's base URL without a trailing slash (`''` at the root), to put in front
 * of the shop's own files (`/fanshop.js`, `/shop`) on pages served under it.
 * @example basePath('https://example.com/shop/') // "/shop"
 */
export function basePath(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}
