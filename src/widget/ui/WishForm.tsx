import { useEffect, useRef, useState } from 'preact/hooks';
import type { Product, ProductVariant } from '../../core/catalog/types';
import { productTitle } from '../shop/actions';
import { useShop } from '../shop/context';
import { sendWish, wishErrorText, type WishError } from '../shop/wishes';
import { adoptCss } from './adopt-css';
import css from './wish.css?inline';

/**
 * The "Notify me" form of a sold-out or coming-soon product (or variant): an email, the consent
 * sentence, and the answer. Checked in the browser with the server's rule first; an error is
 * said next to the field and what the shopper typed stays. Shown by NotifyMe.tsx once asked for.
 */
export function WishForm({ product, variant }: { product: Product; variant: ProductVariant | undefined }) {
  const shop = useShop();
  adoptCss(shop.root, css);
  const { t } = shop;
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<WishError | null>(null);
  // The item the answer is for: another variant chosen since shows the form again.
  const item = `${product.id}/${variant?.id ?? ''}`;
  const [done, setDone] = useState<{ item: string; again: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const answer = useRef<HTMLParagraphElement>(null);
  const title = productTitle(shop, product);
  const id = `wish-${product.id}`;
  const sent = done?.item === item ? done : null;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (sent) answer.current?.focus();
  }, [sent]);

  if (sent) {
    return (
      <p class="wish-done" part="wish-done" role="status" tabIndex={-1} ref={answer}>
        {sent.again ? t.wishAgain : t.wishDone(title)}
      </p>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    const outcome = await sendWish(shop, { productId: product.id, variantId: variant?.id ?? null, email });
    setSending(false);
    if (outcome.ok) {
      setError(null);
      setDone({ item, again: outcome.again });
    } else {
      setError(outcome.error);
      input.current?.focus();
    }
  };
  return (
    <form class="wish" part="wish-form" noValidate onSubmit={(e) => void submit(e)}>
      <label for={`${id}-email`}>{t.wishEmail}</label>
      <div class="wish-row">
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          autocomplete="email"
          inputMode="email"
          required
          ref={input}
          value={email}
          aria-invalid={error === 'invalid_email' ? 'true' : undefined}
          aria-describedby={`${error ? `${id}-error ` : ''}${id}-consent`}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" class="button primary" part="button wish-submit" aria-disabled={sending || undefined}>
          {sending ? t.wishSending : t.wishSend}
        </button>
      </div>
      {error && (
        <p class="wish-error" id={`${id}-error`} role="alert">
          {wishErrorText(t, error)}
        </p>
      )}
      <p class="wish-note" id={`${id}-consent`}>
        {(product.availability === 'coming_soon' ? t.wishConsentSoon : t.wishConsent)(title)}
      </p>
    </form>
  );
}
