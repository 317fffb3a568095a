import type { ShopStore } from './store';

/**
 * The open product lives in the URL so it can be shared and Back closes it: `#/p/<id>`, or
 * `?product=<id>` for links where a hash is unwelcome (some link shorteners drop it).
 */
const HASH = /^#\/p\/([^/?#]+)$/;

/**
 * The product a URL names, or null: the one reader of `#/p/<id>` and `?product=<id>`, for the
 * shop, "Open in browser" and the frame loader (bundled into fanshop-frame.js, a classic script,
 * so keep it free of imports). Links arrive mangled: `#/p/%E0` is half a UTF-8 character, for
 * which decodeURIComponent throws a URIError; such a link names no product.
 * @example productFromUrl(new URL('https://shop.example/shop#/p/enamel-mug')) // "enamel-mug"
 */
export function productFromUrl(location: { hash: string; search: string }): string | null {
  const match = HASH.exec(location.hash);
  if (match) {
    try {
      return decodeURIComponent(match[1]!) || null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(location.search).get('product') || null;
}

export interface Router {
  open(productId: string): void;
  close(): void;
  stop(): void;
}

/** `initial`: the product a product page opens at (config.product) when the URL names none. */
export function startRouter(store: ShopStore, win: Window, initial?: string): Router {
  // Whether the open product was pushed by us: then Back is history.back(), else we replace.
  let pushed = false;
  const sync = () => {
    // `#/review/<token>`: the review form of a paid order (the confirmation's link, or the
    // merchant's email: server/reviews/invitation.ts); the token is opaque here, the server checks it.
    const reviewToken = /^#\/review\/(.+)/.exec(win.location.hash)?.[1];
    const productId = reviewToken ? null : (productFromUrl(win.location) ?? initial ?? null);
    initial = undefined;
    if (!productId) pushed = false;
    if (store.getState().productId !== productId || store.getState().reviewToken !== reviewToken) store.setState({ productId, reviewToken });
  };
  sync();
  win.addEventListener('hashchange', sync);
  win.addEventListener('popstate', sync);
  return {
    open(productId) {
      pushed = true;
      win.location.hash = `/p/${encodeURIComponent(productId)}`;
      sync();
    },
    close() {
      if (pushed) {
        pushed = false;
        win.history.back();
        return;
      }
      const url = new URL(win.location.href);
      url.hash = '';
      url.searchParams.delete('product');
      win.history.replaceState(win.history.state, '', url.href.replace(/#$/, ''));
      store.setState({ productId: null, reviewToken: undefined });
    },
    stop() {
      win.removeEventListener('hashchange', sync);
      win.removeEventListener('popstate', sync);
    },
  };
}
