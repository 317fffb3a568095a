import { useEffect, useRef, useState } from 'preact/hooks';
import type { StripeEmbeddedCheckout } from '@stripe/stripe-js';
import type { CheckoutMessages } from '../checkout/messages';
import type { EmbeddedSession } from '../checkout/embedded';
import { CloseIcon } from './close-icon';

/**
 * Stripe's embedded checkout in a modal <dialog> above the cart. Stripe.js sends the whole tab
 * to the return URL once paid, where the order confirmation shows. Closing the dialog leaves the
 * cart as it was; if Stripe.js cannot load (offline, a blocker), the shopper is told so and can
 * try again.
 */
export function EmbeddedCheckout({ session, endpoint, t, onClose }: { session: EmbeddedSession; endpoint: string; t: CheckoutMessages; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = dialog.current!;
    if (!el.open) el.showModal();
    let checkout: StripeEmbeddedCheckout | undefined;
    let gone = false;
    // @stripe/stripe-js arrives only now, in its own chunk.
    import('../checkout/embedded')
      .then((m) => m.mountEmbeddedCheckout(session, endpoint, slot.current!))
      .then(
      (mounted) => (gone ? mounted.destroy() : (checkout = mounted)),
      (error: unknown) => {
        console.error('[fanshop] could not open the embedded checkout:', error);
        if (!gone) setFailed(true);
      },
    );
    return () => {
      gone = true;
      checkout?.destroy();
    };
  }, [session, endpoint, attempt]);

  return (
    <dialog
      ref={dialog}
      class="embedded-checkout"
      part="embedded-checkout"
      aria-labelledby="embedded-checkout-title"
      onClose={onClose}
      // The cart drawer around it traps Tab among its own controls; this dialog manages its own.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div class="drawer-head">
        <p id="embedded-checkout-title" class="drawer-title">
          {t.secureCheckout}
        </p>
        <button type="button" class="icon-button" aria-label={t.closeCheckout} onClick={() => dialog.current?.close()}>
          <CloseIcon />
        </button>
      </div>
      {failed ? (
        <div class="drawer-empty" role="alert">
          <p>{t.paymentFormFailed}</p>
          <button
            type="button"
            class="button primary"
            onClick={() => {
              setFailed(false);
              setAttempt(attempt + 1);
            }}
          >
            {t.tryAgain}
          </button>
        </div>
      ) : null}
      <div ref={slot} class="embedded-checkout-slot" data-embedded-checkout hidden={failed} />
    </dialog>
  );
}
