import { Hono, type Context } from 'hono';
import { bodySizeLimit } from '../http/body-limit';
import type { Catalog } from '../../core/catalog/types';
import { html, page } from '../pages/html';
import { shopPageFirstView, standaloneShopPage, type ShopPageOptions } from '../pages/demo';
import type { CatalogEnvelope } from '../../core/catalog/envelope';
import { choosePageLanguage } from '../pages/page-locale';
import { strictCsp } from '../http/security';
import { parseSignedRequest } from './signed-request';

export interface FacebookTabOptions {
  /** The Facebook app's secret (FB_APP_SECRET), which signs the `signed_request`. */
  readonly appSecret: string | undefined;
}

/**
 * Who may frame the tab: Facebook, on its web hosts. Not `*` as for /shop: this URL exists for
 * Facebook's frame alone, and any other site framing it (with a replayed signed request) could
 * only be trying to dress the shop up as something else (clickjacking).
 * https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors
 */
export const FACEBOOK_FRAME_ANCESTORS = ['https://www.facebook.com', 'https://web.facebook.com', 'https://*.facebook.com'] as const;

/** A signed request is a few hundred bytes; with Facebook's other form fields, 16 KB is plenty. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * `/facebook/tab`: the shop in a Facebook Page tab or canvas frame (the app's "Page Tab URL").
 *
 * POST is how Facebook loads the tab, with a `signed_request` form field, which is verified with
 * FB_APP_SECRET (signed-request.ts). A valid one opens the shop in the viewer's language
 * (`user.locale`, `de_DE` → `de-DE`) and, when the tab URL has `app_data=<product id>` naming a
 * product of the catalog, at that product. Anything wrong, or no secret set, is a 403 page
 * without the shop, and the log says why.
 *
 * GET (Facebook uses it in some flows, and people open the URL directly) has nothing signed to
 * read, so it is exactly what /shop shows: the first view in the visitor's language (`?locale=`,
 * else Accept-Language), and no query parameter opens a product.
 */
export function facebookTabRoutes(
  options: FacebookTabOptions & { readonly catalog: () => Promise<Catalog | null>; readonly envelope: () => Promise<CatalogEnvelope | null>; readonly stripe: boolean },
): Hono {
  const app = new Hono();
  const html = (c: Context, body: string, status: 200 | 403 | 413 = 200) =>
    c.html(body, status, {
      'Content-Security-Policy': strictCsp({ framable: FACEBOOK_FRAME_ANCESTORS, stripe: options.stripe }),
      'Cache-Control': 'no-store',
    });
  const refuse = (c: Context, why: string) => {
    console.error(`[fanshop] POST /facebook/tab refused: ${why}`);
    return html(c, refusedPage(), 403);
  };

  // Both send the shop's first view as HTML, as /shop does (pages/first-view.ts).
  const shopPage = async (c: Context, shop: ShopPageOptions) =>
    html(c, standaloneShopPage({ ...shop, firstView: await shopPageFirstView(shop, { envelope: options.envelope, pageUrl: c.req.url }) }));
  app.get('/facebook/tab', (c) => {
    const locale = c.req.query('locale');
    c.header('Vary', 'Accept-Language');
    return shopPage(c, { lang: choosePageLanguage({ query: locale, acceptLanguage: c.req.header('Accept-Language') }), locale });
  });
  app.post(
    '/facebook/tab',
    bodySizeLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        console.error(`[fanshop] POST /facebook/tab refused: the request is larger than ${MAX_BODY_BYTES} bytes`);
        return html(c, refusedPage(), 413);
      },
    }),
    async (c) => {
      if (!options.appSecret) return refuse(c, 'FB_APP_SECRET is not set, so the signed_request cannot be verified; set it to the Facebook app’s secret');
      let signedRequest: unknown;
      try {
        // `all`: a repeated field comes as an array rather than its last value.
        signedRequest = (await c.req.parseBody({ all: true }))['signed_request'];
      } catch {
        return refuse(c, 'the body is not a form');
      }
      // Facebook sends one; with two, which one was checked would depend on the parser.
      if (Array.isArray(signedRequest)) return refuse(c, 'the form has more than one signed_request field');
      if (typeof signedRequest !== 'string' || signedRequest === '') return refuse(c, 'there is no signed_request form field');
      const result = await parseSignedRequest(signedRequest, options.appSecret);
      if (!result.ok) return refuse(c, `the signed_request is not valid: ${result.reason}`);
      const { appData, locale } = result.payload;
      const catalog = await options.catalog();
      const productId = appData?.trim();
      const product = productId && catalog?.products.some((p) => p.id === productId) ? productId : undefined;
      return shopPage(c, { locale: locale?.replace(/_/g, '-'), product });
    },
  );
  return app;
}

/** The 403 page: no shop, one sentence and the way to it. */
function refusedPage(): string {
  return page({
    title: 'Not available',
    body: html`    <main>
      <h1>This page opens inside the shop’s Facebook tab only.</h1>
      <p><a href="/shop">Open the shop</a></p>
    </main>`,
  });
}
