import { useEffect, useRef, useState } from 'preact/hooks';
import type { Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { useShop } from '../shop/context';
import { likesFor } from '../social/likes';
import { facebookShareUrl, productPageUrl, whatsappShareUrl } from '../social/share';
import type { FanshopSharePayload } from '../social/events';
import { isInAppBrowser } from '../checkout/handoff';
import { useStore } from './use-store';
import { adoptCss } from './adopt-css';
import { iconProps } from './icons';
import controlsCss from './controls.css?inline';
import css from './social.css?inline';

/**
 * Like and Share for a product: over the card's image (`overlay`) and in the product view. The
 * like shows at once (likes.ts keeps it on the device and tells the server); Share opens a
 * small disclosure with links, so it works where popups do not (in-app browsers).
 */
export function Social({ product, overlay }: { product: Product; overlay?: boolean }) {
  const shop = useShop();
  // Likes and sharing depend on this device (its saved likes, its share sheet): the server's
  // first view and its hydration show the row's two icons, inert and muted (detail.css, in the
  // first view's stylesheet), where the buttons come right after, so the row is neither a hole
  // before the widget is in (nor without JavaScript) nor a shift when it is.
  const [here, arrived] = useState(!shop.hydrating);
  useEffect(() => arrived(true), []);
  if (!here)
    return (
      <div class={overlay ? 'social overlay' : 'social'} part="social" data-placeholder aria-hidden="true">
        {/* A card's row floats over its image once its styles are in; before, nothing. */}
        {!overlay && (
          <>
            <span class="icon-button">
              <Heart filled={false} />
            </span>
            <span class="icon-button">
              <ShareIcon />
            </span>
          </>
        )}
      </div>
    );
  adoptCss(shop.root, controlsCss);
  adoptCss(shop.root, css);
  return (
    <div class={overlay ? 'social overlay' : 'social'} part="social">
      <LikeButton product={product} />
      <ShareButton product={product} />
    </div>
  );
}

const Heart = ({ filled }: { filled: boolean }) => (
  <svg {...iconProps} fill={filled ? 'currentColor' : 'none'}>
    <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
  </svg>
);

const ShareIcon = () => (
  <svg {...iconProps}>
    <path d="M12 15V3M7 8l5-5 5 5M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6" />
  </svg>
);

function LikeButton({ product }: { product: Product }) {
  const shop = useShop();
  const likes = likesFor(shop);
  const liked = useStore(likes.store, (s) => !!s.liked[product.id]);
  const count = useStore(likes.store, (s) => s.counts[product.id]);
  useEffect(() => likes.want(product.id), [likes, product.id]);
  const title = localize(product.title, shop.locale, shop.store.getState().catalog!.shop.defaultLocale);
  return (
    <span class="like">
      <button type="button" class="icon-button social-button" part="like-button" aria-pressed={liked} aria-label={shop.t.likeProduct(title)} onClick={() => likes.toggle(product)}>
        <Heart filled={liked} />
      </button>
      {count !== undefined && (
        <span class="like-count" part="like-count" data-like-count={count}>
          <span aria-hidden="true">{count}</span>
          <span class="visually-hidden">{shop.t.likeCount(count)}</span>
        </span>
      )}
    </span>
  );
}

function ShareButton({ product }: { product: Product }) {
  const shop = useShop();
  const { t, config } = shop;
  const catalog = shop.store.getState().catalog!;
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const title = localize(product.title, shop.locale, catalog.shop.defaultLocale);
  const url = productPageUrl(catalog.shop.baseUrl, product.id);
  // In Facebook's and Instagram's browsers a new window is unreliable: follow links in place.
  const target = isInAppBrowser(navigator.userAgent) ? '_top' : '_blank';
  const shared = (method: FanshopSharePayload['method']) => {
    shop.events.emit('share', { productId: product.id, method, url });
  };
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !e.composedPath().includes(box.current!)) {
        setOpen(false);
        if (e instanceof KeyboardEvent) box.current?.querySelector<HTMLElement>('[aria-expanded]')?.focus();
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, [open]);
  const copy = () => {
    const done = () => (setCopied('yes'), shared('copy'));
    // The Clipboard API needs a secure context and may be refused; then the link is shown to copy.
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, () => setCopied('no'));
    else setCopied('no');
  };
  const menuId = `share-${product.id}`;
  return (
    <div class="share" ref={box}>
      <button
        type="button"
        class="icon-button social-button"
        part="share-button"
        aria-label={t.shareProduct(title)}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setCopied(null);
          setOpen(!open);
        }}
      >
        <ShareIcon />
      </button>
      {/* Only while open: every card has a Share button, and a search's new cards were built
          with 48 closed menus of links (issue 12). */}
      {open && <div class="share-menu" part="share-menu" id={menuId} role="group" aria-label={t.share}>
        <a href={facebookShareUrl(url, { appId: config.facebookAppId, hashtag: config.shareHashtag })} target={target} rel="noopener" onClick={() => shared('facebook')}>
          Facebook
        </a>
        <a href={whatsappShareUrl(url, title)} target={target} rel="noopener" onClick={() => shared('whatsapp')}>
          WhatsApp
        </a>
        <button type="button" onClick={copy}>
          {t.copyLink}
        </button>
        {typeof navigator.share === 'function' && (
          <button type="button" onClick={() => void navigator.share({ title, url }).then(() => shared('native'), () => {})}>
            {t.shareMore}
          </button>
        )}
        {copied === 'yes' && (
          <p class="share-status" role="status">
            {t.linkCopied}
          </p>
        )}
        {copied === 'no' && (
          <label class="share-status">
            {t.copyThisLink}
            <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} ref={(el) => el?.select()} />
          </label>
        )}
      </div>}
    </div>
  );
}
