import type { Shop } from '../shop/context';
import type { FanshopEventPayloads } from '../social/events';
import { safeStorage } from '../cart/persistence';
import { catalogUrl } from '../shop/boot';
import { shopperId } from '../social/shopper-id';
import { createBeacon, sendBatch, type SendBatch } from './beacon';
import { eventRecord, LISTENED } from './record';

/**
 * Whether this shop tells its server what fans do: only when the catalog came from a Fanshop
 * server that keeps events (its envelope names the endpoint; not on static hosting, nor with
 * FANSHOP_ANALYTICS=off), the merchant has not turned it off (`analytics: 'off'`,
 * `data-analytics="off"`), and the shopper's browser does not ask for Global Privacy Control.
 * https://privacycg.github.io/gpc-spec/
 */
export function listeningEndpoint(shop: Pick<Shop, 'config' | 'store'>, nav: { globalPrivacyControl?: boolean } = navigator as { globalPrivacyControl?: boolean }): string | null {
  const { events } = shop.store.getState();
  if (!events || nav.globalPrivacyControl === true || shop.config.analytics === 'off') return null;
  // A path on the catalog's server, which named it.
  return new URL(events, catalogUrl(shop.config.catalog)).href;
}

/**
 * Starts the shop's beacon (listening/beacon.ts): every event the shop keeps becomes a record
 * in the queue, sent in batches, and at once when the page is hidden or left. Started with the
 * cart keeper after the first paint (cart/keeper.ts `cartKeeper`), so it costs the first view
 * nothing. Of the events before then, the view of a product opened from the URL (a shared
 * link: the social traffic the shop is for) is recorded from the store's `viewed`, which is set
 * with its `view_item`; the purchase told on the way back from Stripe is not sent (the studio
 * counts purchases from the orders).
 */
export function listen(shop: Shop, send: SendBatch = sendBatch, win: Window = window): void {
  const endpoint = listeningEndpoint(shop, win.navigator as { globalPrivacyControl?: boolean });
  if (!endpoint) return;
  const beacon = createBeacon(endpoint, shopperId(safeStorage(() => win.localStorage)), send);
  const { viewed } = shop.store.getState();
  const opened = viewed && eventRecord('view_item', { productId: viewed } as FanshopEventPayloads['view_item'], Date.now());
  if (opened) beacon.add(opened);
  for (const name of LISTENED) {
    shop.disposers.push(
      shop.events.on(name, (payload) => {
        const record = eventRecord(name, payload, Date.now());
        if (record) beacon.add(record);
      }),
    );
  }
  const hidden = () => {
    if (win.document.visibilityState === 'hidden') beacon.flush();
  };
  win.document.addEventListener('visibilitychange', hidden);
  win.addEventListener('pagehide', beacon.flush);
  shop.disposers.push(() => {
    beacon.flush();
    win.document.removeEventListener('visibilitychange', hidden);
    win.removeEventListener('pagehide', beacon.flush);
  });
}
