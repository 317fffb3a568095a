import { useEffect, useState } from 'preact/hooks';
import { useShop } from '../shop/context';
import type { ProductRows, Recommended } from '../shop/recommendations';
import { useStore } from './use-store';
import { laterParts as rows } from './later-parts';

/**
 * Where recommendation rows go, in the product view and the cart. Their code and the server's
 * answer are asked for only after the view around them has painted (in an effect: Preact runs
 * effects after the next frame, as shop/after-paint.ts does), and they render nothing
 * until both are in: they come below what is on screen, so nothing above them moves, and a
 * failure (offline, an old server, no rows) simply shows no rows: recommendations are a bonus,
 * and the view works the same without them. Rendered only on a shop with its server (`served`).
 */

export function ProductRecommendations({ productId }: { productId: string }) {
  const shop = useShop();
  const [found, setFound] = useState<ProductRows | null>(null);
  useEffect(() => {
    let current = true;
    void rows
      .load()
      .then((m) => m.productRows(shop, productId))
      .then((answer) => current && setFound(answer), () => {});
    return () => {
      current = false;
    };
  }, [shop, productId]);
  const Rows = rows.get()?.ProductRowsView;
  return found && Rows ? <Rows rows={found} /> : null;
}

/** The cart's row, from the products in it; asked again when they change (the drawer is open). */
export function CartRecommendations() {
  const shop = useShop();
  const served = useStore(shop.store, (s) => !!s.served);
  const lines = useStore(shop.cart, (s) => s.lines);
  const inCart = [...new Set(lines.map((line) => line.productId))].sort();
  const key = inCart.join(',');
  const [found, setFound] = useState<readonly Recommended[]>([]);
  useEffect(() => {
    let current = true;
    if (!served || !key) return;
    void rows
      .load()
      .then((m) => m.cartRow(shop, key.split(',')))
      .then((answer) => current && setFound(answer), () => {});
    return () => {
      current = false;
    };
  }, [shop, served, key]);
  const Row = rows.get()?.CartRowView;
  // What was just put in the cart leaves the row at once, before the next answer.
  const items = found.filter((item) => !inCart.includes(item.product.id));
  return items.length && Row ? <Row items={items} /> : null;
}
