import { cartItemCount } from '../cart/store';
import { openCart } from '../shop/actions';
import { useShop } from '../shop/context';
import { useStore } from './use-store';
import { iconProps } from './icons';
import { adoptCss } from './adopt-css';
import css from './cart-button.css?inline';

export function CartButton() {
  const shop = useShop();
  adoptCss(shop.root, css);
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

const CartIcon = () => (
  <svg {...iconProps}>
    <path d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2" />
    <circle cx="9" cy="20" r="1.4" />
    <circle cx="17" cy="20" r="1.4" />
  </svg>
);
