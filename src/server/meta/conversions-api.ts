import type Stripe from 'stripe';
import type { Order } from '../orders/order';
import { purchaseEvent, type PurchaseEvent } from './purchase-event';

/**
 * The Graph API version the events go to: the newest when this was written (v26.0, released
 * 29 July 2026; Meta keeps a version for about two years).
 * https://developers.facebook.com/docs/graph-api/changelog/versions/
 */
export const GRAPH_API_VERSION = 'v26.0';
export const GRAPH_API_BASE = 'https://graph.facebook.com';

export interface MetaConversionsOptions {
  /** The Meta Pixel (dataset) id the events belong to (META_PIXEL_ID). */
  readonly pixelId: string;
  /** A Conversions API access token from Events Manager (META_CAPI_TOKEN). */
  readonly accessToken: string;
  /** Events Manager's "Test events" code (META_TEST_EVENT_CODE): events show there, not in reports. */
  readonly testEventCode?: string | undefined;
  /** Where the Graph API is (META_GRAPH_API_BASE); tests point it at a local stand-in. */
  readonly graphApiBase?: string | undefined;
  /** Milliseconds one attempt may take (default 3,000). */
  readonly timeoutMs?: number | undefined;
}

/**
 * Sends the Purchase event of a newly saved order to the Conversions API
 * (`POST /<version>/<pixel id>/events`, https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api).
 *
 * Never throws and never takes the order with it: a failure is logged and the webhook answers
 * Stripe as usual. A 5xx, a 429 or a network failure is tried once more, right away; anything
 * else (a 4xx: a wrong token or pixel id) is not, as it would fail the same way. There is no
 * queue for later: an event Meta did not take is still counted from the shopper's browser,
 * whose Pixel sends the same Purchase with the same event id. Each attempt has `timeoutMs`, so
 * the webhook answers within seconds even when Meta does not.
 */
export async function sendPurchaseToMeta(
  options: MetaConversionsOptions,
  order: Order,
  session: Pick<Stripe.Checkout.Session, 'success_url' | 'return_url'> & { metadata?: Stripe.Metadata | null },
  eventTime: number,
): Promise<boolean> {
  let event: PurchaseEvent;
  try {
    event = await purchaseEvent(order, session, eventTime);
  } catch (error) {
    console.error(`[fanshop] could not build the Conversions API event for order ${order.id}:`, error);
    return false;
  }
  const base = (options.graphApiBase ?? GRAPH_API_BASE).replace(/\/+$/, '');
  // The token goes in the query string, as Meta documents; it is never logged.
  const url = `${base}/${GRAPH_API_VERSION}/${encodeURIComponent(options.pixelId)}/events?access_token=${encodeURIComponent(options.accessToken)}`;
  const body = JSON.stringify({ data: [event], ...(options.testEventCode ? { test_event_code: options.testEventCode } : {}) });
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const again = attempt === 1 ? '; trying once more' : '';
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(options.timeoutMs ?? 3000) });
      const answer = (await response.text()).slice(0, 300);
      if (response.ok) return true;
      const transient = response.status >= 500 || response.status === 429;
      console.error(`[fanshop] the Conversions API refused the Purchase of order ${order.id} with HTTP ${response.status}${transient ? again : ''}: ${answer}`);
      if (!transient) return false;
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[fanshop] the Conversions API could not be reached for order ${order.id} (${reason})${again}`);
    }
  }
  return false;
}
