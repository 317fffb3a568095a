import { formatMoney, money } from '../../core/money';
import { useShop } from '../shop/context';
import { useStore } from './use-store';

/**
 * A price, with the old one struck through on sale. Screen readers hear "now €19.90, was
 * €24.90" rather than two bare numbers.
 */
export function Price(props: { amount: number; compareAt?: number | undefined; from?: boolean }) {
  const shop = useShop();
  const currency = useStore(shop.store, (s) => s.catalog!.shop.currency);
  const fmt = (amount: number) => formatMoney(money(amount, currency), shop.locale);
  const now = props.from ? shop.t.from(fmt(props.amount)) : fmt(props.amount);
  const onSale = props.compareAt !== undefined && props.compareAt > props.amount;
  return (
    <p class="price" part="price">
      {onSale ? (
        <>
          <span class="price-now" part="price-now">
            <span class="visually-hidden">{shop.t.nowPrice('')}</span>
            {now}
          </span>{' '}
          <s class="price-was" part="price-was">
            <span class="visually-hidden">{shop.t.wasPrice('')}</span>
            {fmt(props.compareAt!)}
          </s>
        </>
      ) : (
        <span class="price-now" part="price-now">{now}</span>
      )}
    </p>
  );
}
