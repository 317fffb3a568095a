import { useEffect, useRef } from 'preact/hooks';
import { cartSubtotal } from '../cart/store';
import { closeCart } from '../shop/actions';
import { CheckoutButton } from './CheckoutButton';
import { useShop } from '../shop/context';
import { useStore } from './use-store';
import { Heading } from './Heading';
import { CartLineRow } from './CartLineRow';
import { CloseIcon } from './close-icon';
import { CartRecommendations } from './recommendations-slot';
import { openInBrowserUrl } from '../social/open-in-browser';
import { formatMoney } from '../../core/money';
import { adoptCss } from './adopt-css';
import css from './cart.css?inline';
import controlsCss from './controls.css?inline';

/**
 * The cart as a modal <dialog>: showModal() makes the rest of the page inert (the focus trap),
 * Escape closes it, and focus goes back to the Cart button.
 * https://html.spec.whatwg.org/multipage/interactive-elements.html#the-dialog-element
 */
export function CartDrawer() {
  const shop = useShop();
  adoptCss(shop.root, controlsCss);
  adoptCss(shop.root, css);
  const { t } = shop;
  const open = useStore(shop.store, (s) => s.cartOpen);
  const lines = useStore(shop.cart, (s) => s.lines);
  const currency = useStore(shop.store, (s) => s.catalog!.shop.currency);
  const dialog = useRef<HTMLDialogElement>(null);
  // In Facebook's and Instagram's browsers, some payment methods need the phone's own browser.
  const browserUrl = openInBrowserUrl(location.href, navigator.userAgent);
  const opener = useRef<HTMLElement | null>(null);

  const { root } = shop;
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = (root.activeElement as HTMLElement | null) ?? null;
      el.showModal();
      el.querySelector<HTMLElement>('[data-close]')?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [root, open]);

  const onClose = () => {
    closeCart(shop);
    (opener.current ?? shop.root.querySelector<HTMLElement>('[data-cart-button]'))?.focus();
  };

  // showModal() makes the page behind inert, but Tab after the last control still leaves the
  // document (to the browser's UI, or in the iframe embed to the host page, which is not inert),
  // so keyboard users lose their place. Wrap Tab and Shift+Tab inside the drawer, as the APG's
  // modal dialog pattern asks: https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/
  const keepFocusInside = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const controls = Array.from(dialog.current.querySelectorAll<HTMLElement>('button, input, select, a[href], [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
    );
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = shop.root.activeElement;
    if (!first || !last) return;
    if (e.shiftKey ? active === first || !dialog.current.contains(active) : active === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };

  return (
    <dialog ref={dialog} class="drawer" part="cart" data-framed={window.parent !== window || undefined} aria-labelledby="cart-title" onClose={onClose} onKeyDown={keepFocusInside} onClick={(e) => e.target === dialog.current && dialog.current?.close()}>
      <div class="drawer-panel">
        <div class="drawer-head">
          <Heading level={shop.config.headingLevel} id="cart-title" class="drawer-title">
            {t.cart}
          </Heading>
          <button type="button" class="icon-button" data-close aria-label={t.closeCart} onClick={() => dialog.current?.close()}>
            <CloseIcon />
          </button>
        </div>
        {lines.length === 0 ? (
          <div class="drawer-empty">
            <p>{t.cartEmpty}</p>
            <button type="button" class="button" onClick={() => dialog.current?.close()}>
              {t.continueShopping}
            </button>
          </div>
        ) : (
          <>
            <ul class="lines" part="cart-lines">
              {lines.map((line) => (
                <CartLineRow key={`${line.productId}/${line.variantId ?? ''}`} line={line} />
              ))}
            </ul>
            {open && <CartRecommendations />}
            <div class="drawer-foot" part="cart-footer">
              <p class="subtotal">
                <span>{t.subtotal}</span>
                <strong data-subtotal>{formatMoney(cartSubtotal({ lines }, currency), shop.locale)}</strong>
              </p>
              <p class="note">{t.taxNote}</p>
              {browserUrl && (
                <p class="note" part="open-in-browser">
                  {t.openInBrowserHint}{' '}
                  <a href={browserUrl} target="_top">
                    {t.openInBrowser}
                  </a>
                </p>
              )}
              <CheckoutButton />
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
