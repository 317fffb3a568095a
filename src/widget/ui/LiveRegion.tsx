import { useShop } from '../shop/context';
import { useStore } from './use-store';

/**
 * A polite live region that exists from the first render, so screen readers pick up the
 * messages written into it later ("Added to cart"). It is also a toast for sighted shoppers,
 * stuck to the bottom of the screen while the shop is in view, so adding from a card far down
 * the grid is confirmed where the shopper is looking; it fades after a few seconds. The key
 * forces a fresh node for a repeated message, which some readers would otherwise skip.
 */
export function LiveRegion() {
  const shop = useShop();
  const announcement = useStore(shop.store, (s) => s.announcement);
  return (
    <div class="toast-anchor" role="status" aria-live="polite" aria-atomic="true" data-live>
      {announcement && (
        <span key={announcement.id} class="toast" part="toast">
          {announcement.text}
        </span>
      )}
    </div>
  );
}
