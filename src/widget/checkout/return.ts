import { formatMoney, money, toMajorUnits } from '../../core/money';
import type { Catalog } from '../../core/catalog/types';
import type { Shop } from '../shop/context';
import type { ShopState } from '../shop/store';
import { addNotices } from '../shop/notices';
import { loadCheckoutMessages } from './messages';

interface SessionSummary {
  status: string | null;
  paid: boolean;
  total: number | null;
  currency: string | null;
  lines: { productId: string | null; variantId: string | null; title: string; quantity: number }[];
  /** A paid order's review token (core/api/checkout.ts CheckoutSessionSummary). */
  review?: { token: string };
}

/**
 * Back from Stripe: `?checkout=success&session_id=…` shows what was bought (status, total and
 * line titles, all the server tells) and empties the cart; `?checkout=cancel` says nothing was
 * charged and leaves the cart alone. The parameters are then taken out of the address bar.
 */
export async function handleCheckoutReturn(shop: Shop, catalog: Catalog, endpoint: string, win: Window): Promise<void> {
  // Making the keeper starts the restore now, without waiting for its after-paint turn. (Every
  // import of the keeper is dynamic: a static one costs its chunk a helper chunk, one more round
  // trip before the restore can start, and a slow phone queues that trip behind other parts.)
  const keeper = (await import('../cart/keeper')).cartKeeper(shop, catalog);
  const url = new URL(win.location.href);
  const state = url.searchParams.get('checkout');
  const sessionId = url.searchParams.get('session_id');
  url.searchParams.delete('checkout');
  url.searchParams.delete('session_id');
  win.history.replaceState(win.history.state, '', url.href);
  // While the saved cart comes back, fetch what the news needs: its texts, the session's
  // summary, and the part that shows notices. On a slow phone these add up otherwise.
  const session = state === 'success' && sessionId && /^cs_\w+$/.test(sessionId) ? { id: sessionId, summary: fetchSummary(endpoint, sessionId) } : null;
  session?.summary.catch(() => {}); // read below; never an unhandled rejection if the texts fail first
  import('../ui/Notices').catch(() => {}); // on failure the notices part offers its own Retry
  const t = await loadCheckoutMessages(shop.language, shop.config.labels);
  if (!session) {
    keeper.settle(false);
    // The saved cart comes back first (or the keeper gives up waiting for it), so the cancelled
    // cart is on screen with the notice.
    await keeper.ready();
    if (state === 'cancel') addNotices(shop.store, [t.checkoutCancelled]);
    return;
  }
  let summary: SessionSummary;
  try {
    summary = await session.summary;
  } catch (error) {
    // Not known to be bought: the saved cart comes back as it is.
    keeper.settle(false);
    console.error('[fanshop] could not read the finished checkout:', error);
    await keeper.ready();
    addNotices(shop.store, [t.orderPending]);
    return;
  }
  const complete = summary.status === 'complete';
  // The keeper restores once it knows: a bought cart is the order and does not come back.
  keeper.settle(complete);
  await keeper.ready();
  await pageTold(shop);
  if (complete) {
    // The saved lines that were the order (or, if the keeper gave up waiting, the cart as it is).
    const bought = keeper.bought().length ? keeper.bought() : shop.cart.getState().lines;
    void keeper.clear();
    if (summary.paid && summary.total !== null && summary.currency) {
      // eventID for Meta = the session id, as the server's Conversions API event (dedup).
      const currency = summary.currency;
      shop.events.emit('purchase', {
        transactionId: session.id,
        value: toMajorUnits(money(summary.total, currency)),
        currency,
        items: summary.lines.map((l) => {
          const unit = bought.find((b) => b.productId === l.productId && b.variantId === l.variantId)?.unitPrice ?? 0;
          return { productId: l.productId ?? '', variantId: l.variantId, quantity: l.quantity, value: toMajorUnits(money(unit * l.quantity, currency)), currency };
        }),
      });
    }
    const total = summary.total !== null && summary.currency ? formatMoney(money(summary.total, summary.currency), shop.locale) : '';
    const items = summary.lines.map((l) => (l.quantity > 1 ? `${l.quantity} × ${l.title}` : l.title)).join(', ');
    addNotices(shop.store, [summary.paid ? t.orderConfirmed(total, items) : t.orderPending]);
    // "Rate what you bought": the review form of this order (ui/ReviewForm.tsx), by its link.
    const review = summary.paid && summary.review?.token;
    if (review) addNotices(shop.store, [{ text: t.reviewInvitation, action: { label: t.rateWhatYouBought, href: `#/review/${encodeURIComponent(review)}` } }]);
  }
}

/**
 * Back on a product view, the host page hears it viewed (`view_item`) before it hears of the
 * purchase, the funnel's order, as on the way there: waits until that view is on screen, for
 * 3 s at most (a view whose code cannot load holds nothing up). At once on the grid.
 */
function pageTold(shop: Shop): Promise<void> {
  return new Promise((resolve) => {
    const told = ({ productId, viewed }: ShopState) => productId === null || viewed === productId;
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = shop.store.subscribe((state) => told(state) && done());
    const timer = setTimeout(done, 3000);
    if (told(shop.store.getState())) done();
  });
}

async function fetchSummary(endpoint: string, sessionId: string): Promise<SessionSummary> {
  const response = await fetch(`${endpoint}/sessions/${encodeURIComponent(sessionId)}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as SessionSummary;
}
