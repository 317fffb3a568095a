import { useEffect, useState } from 'preact/hooks';
import { useShop } from '../shop/context';
import { widgetOrigin } from '../shop/boot';
import { cartPayload } from '../shop/actions';
import { loadCheckoutMessages, type CheckoutMessages } from '../checkout/messages';
import { prepareHandoff } from '../checkout/handoff';
import { startCheckout, type CheckoutOutcome } from '../checkout/start-checkout';
import { checkoutErrorText } from '../checkout/error-text';
import { EmbeddedCheckout } from './EmbeddedCheckout';

/**
 * The cart's "Checkout" button: the server prices the cart and answers with a Stripe session;
 * a refusal is shown translated, naming the line it concerns.
 */
export function CheckoutButton() {
  const shop = useShop();
  const [t, setT] = useState<CheckoutMessages | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  const { language, config } = shop;
  useEffect(() => {
    void loadCheckoutMessages(language, config.labels).then(setT);
  }, [language, config.labels]);
  if (!t) return null;
  const lines = shop.cart.getState().lines;
  const endpoint = shop.config.checkoutUrl ?? new URL('/api/checkout', widgetOrigin).href;
  const onClick = () => {
    // Synchronously, inside the click: a framed shop's new tab must open now to be allowed.
    const handoff = prepareHandoff(window);
    shop.events.emit('begin_checkout', cartPayload(shop));
    setPending(true);
    setOutcome(null);
    void startCheckout({
      endpoint,
      cart: shop.cart,
      keeper: () => import('../cart/keeper').then((m) => m.cartKeeper(shop)),
      locale: shop.locale,
      handoff,
      win: window,
    }).then((result) => {
      setPending(false);
      setOutcome(result);
    });
  };
  const error = outcome?.kind === 'error' ? outcome : null;
  const line = error?.lineIndex !== undefined ? lines[error.lineIndex] : undefined;
  return (
    <div class="checkout" part="checkout">
      {error && (
        <p class="checkout-error" role="alert" data-checkout-error={error.code}>
          {line && <strong>{line.title}: </strong>}
          {checkoutErrorText(t, error, shop.limits.maxQuantity)}
        </p>
      )}
      {outcome?.kind === 'embedded' && <EmbeddedCheckout session={outcome.session} endpoint={endpoint} t={t} onClose={() => setOutcome(null)} />}
      {outcome?.kind === 'link' ? (
        <>
          <p role="status">{t.popupBlocked}</p>
          <a class="button primary wide" part="button checkout-link" href={outcome.url} target="_blank" rel="noopener">
            {t.continueToCheckout}
          </a>
        </>
      ) : (
        <button type="button" class="button primary wide" part="button checkout-button" disabled={pending || !lines.length} onClick={onClick}>
          {pending ? t.checkoutPending : t.checkout}
        </button>
      )}
    </div>
  );
}
