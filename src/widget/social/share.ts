/**
 * What a share shares: the product's own page on the shop's server (`<baseUrl>/p/<id>`, the page
 * Facebook's crawler reads for the preview; src/server/pages), never the host page or a `#` URL.
 */
export { productPageUrl } from '../../core/catalog/product-urls';

/**
 * Facebook: the Share Dialog when the merchant has an app id (it can add a hashtag), the plain
 * sharer link otherwise. https://developers.facebook.com/docs/sharing/reference/share-dialog
 */
export function facebookShareUrl(url: string, options: { appId?: string | undefined; hashtag?: string | undefined }): string {
  if (!options.appId) return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
  const params = new URLSearchParams({ app_id: options.appId, display: 'page', href: url });
  if (options.hashtag) params.set('hashtag', options.hashtag.startsWith('#') ? options.hashtag : `#${options.hashtag}`);
  return `https://www.facebook.com/dialog/share?${params}`;
}

/** WhatsApp's click-to-chat link with the title and the page. https://faq.whatsapp.com/5913398998672934 */
export function whatsappShareUrl(url: string, title: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`;
}
