import { localize } from '../../core/catalog/localize';
import { formatMoney } from '../../core/money';
import { lineTotal, type CartLine } from '../cart/store';
import { findVariant } from '../../core/catalog/find-variant';
import { changeQuantity, lineLimit, removeFromCart } from '../shop/actions';
import { useShop } from '../shop/context';
import { QuantityInput } from './QuantityInput';

export function CartLineRow({ line }: { line: CartLine }) {
  const shop = useShop();
  const catalog = shop.store.getState().catalog!;
  const fallback = catalog.shop.defaultLocale;
  const product = catalog.products.find((p) => p.id === line.productId);
  const variant = product ? findVariant(product, line.variantId) : undefined;
  const title = product ? localize(product.title, shop.locale, fallback) : line.title;
  const image = product?.images[0];
  const variantLabel =
    product && variant
      ? product.options
          .map((o) => o.values.find((v) => v.id === variant.options[o.id]))
          .map((v) => (v ? localize(v.label, shop.locale, fallback) : ''))
          .join(' / ')
      : '';
  return (
    <li class="line" part="cart-line" data-line={line.productId}>
      {image ? <img class="line-image" src={image.src} alt="" width={64} height={Math.round((64 * image.height) / image.width)} /> : <span class="line-image" />}
      <div class="line-info">
        <p class="line-title">{title}</p>
        {variantLabel && <p class="line-variant">{variantLabel}</p>}
        <p class="line-price">{formatMoney(lineTotal(line, catalog.shop.currency), shop.locale)}</p>
        <div class="line-actions">
          <QuantityInput value={line.quantity} max={lineLimit(shop, line)} min={1} label={shop.t.quantityOf(title)} onChange={(n) => changeQuantity(shop, line, n)} />
          <button type="button" class="link-button" aria-label={shop.t.removeLine(title)} onClick={() => removeFromCart(shop, line)}>
            {shop.t.remove}
          </button>
        </div>
      </div>
    </li>
  );
}
