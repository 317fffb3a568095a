import { formatMoney, money } from '../../core/money';
import type { CartChange } from '../cart/reconcile';
import type { Messages } from '../i18n/messages';

/** The sentence that tells a shopper how their saved cart changed. */
export function describeChange(change: CartChange, t: Messages, locale: string, currency: string): string {
  const title = change.line.title;
  switch (change.kind) {
    case 'gone':
      return t.noticeGone(title);
    case 'sold_out':
      return t.noticeSoldOut(title);
    case 'repriced':
      return t.noticeRepriced(title, formatMoney(money(change.before, currency), locale), formatMoney(money(change.after, currency), locale));
    case 'reduced':
      return t.noticeReduced(title, change.after);
  }
}
