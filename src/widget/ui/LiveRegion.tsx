import { useShop } from '../shop/context';
import { useStore } from './use-store';

/**
 * A polite live region that exists from the first render, so screen readers pick up the
 * messages written into it later ("Added to cart"). The key forces a fresh node for a repeated
 * message, which some readers would otherwise skip.
 */
export function LiveRegion() {
  const shop = useShop();
  const announcement = useStore(shop.store, (s) => s.announcement);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live>
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
