import { useState } from 'preact/hooks';
import type { Product, ProductVariant } from '../../core/catalog/types';
import { useShop } from '../shop/context';
import { laterParts } from './later-parts';

/**
 * In the product view, in place of "Add to cart" for a product (or variant) that is sold out or
 * coming soon, on a shop with its server: "Notify me", which opens the email form (WishForm.tsx,
 * in the chunk fetched after the view's first paint, later-parts.ts). The server renders the
 * button too (ssr.tsx), so a product page hydrates it as it is.
 */
export function NotifyMe({ product, variant }: { product: Product; variant: ProductVariant | undefined }) {
  const shop = useShop();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const Form = laterParts.get()?.WishForm;
  // What the disabled button said before: "Coming soon" or "Sold out" (of the chosen variant).
  // The product's field is read here, in the product view's chunks, rather than through core's
  // comingSoon(): that lives in the first view, and exporting it to these chunks costs the first
  // view bytes (npm run size). The rule is the same one line.
  const note = (
    <p class="stock-note" part="stock-note">
      {product.availability === 'coming_soon' ? shop.t.comingSoon : shop.t.soldOut}
    </p>
  );
  if (open && Form)
    return (
      <>
        {note}
        <Form product={product} variant={variant} />
      </>
    );
  return (
    <>
      {note}
      <button
        type="button"
        class="button primary wide"
        part="button notify-me"
        aria-expanded="false"
        onClick={() =>
          void laterParts.load().then(
            () => (setFailed(false), setOpen(true)),
            () => setFailed(true),
          )
        }
      >
        {shop.t.notifyMe}
      </button>
      {failed && (
        <p class="wish-error" role="alert">
          {shop.t.wishFailed}
        </p>
      )}
    </>
  );
}
