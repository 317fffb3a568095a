import { cartItemCount } from '../cart/store';
import { openCart } from '../shop/actions';
import { useShop } from '../shop/context';
import { useStore } from './use-store';
import { CartIcon } from './icons';

export function CartButton() {
  const shop = useShop();
  const count = useStore(shop.cart, cartItemCount);
  return (
    <button type="button" class="cart-button" part="cart-button" data-cart-button onClick={() => openCart(shop)}>
      <CartIcon />
      <span>{shop.t.cart}</span>
      <span class="badge" part="cart-count" aria-label={shop.t.cartCount(count)}>
        {count}
      </span>
    </button>
  );
}
