import type Stripe from 'stripe';
import { money, toMajorUnits } from '../../core/money';
import type { Order } from '../orders/order';
import { sha256Hex } from '../hash';
import { catalogItemId } from '../../core/cart/line-key';

/**
 * One server event of the Conversions API, as Fanshop sends it for a paid order.
 * https://developers.facebook.com/docs/marketing-api/conversions-api/parameters
 */
export interface PurchaseEvent {
  readonly event_name: 'Purchase';
  readonly event_time: number;
  readonly event_id: string;
  readonly action_source: 'website';
  readonly event_source_url?: string;
  readonly user_data: {
    readonly em?: string[];
    readonly ct?: string[];
    readonly zp?: string[];
    readonly country?: string[];
    readonly client_user_agent?: string;
    readonly fbp?: string;
    readonly fbc?: string;
  };
  readonly custom_data: {
    readonly currency: string;
    readonly value: number;
    readonly content_type: 'product';
    readonly content_ids: string[];
    readonly contents: { readonly id: string; readonly quantity: number }[];
    readonly order_id: string;
  };
}

/**
 * The Purchase event for an order, built from the order, the session's return URL and the time
 * Stripe completed it; no I/O (hashing is Web Crypto, so it runs on Workers too).
 *
 * - `event_id` is the Checkout Session id, as the widget's Pixel Purchase `eventID`
 *   (widget/checkout/return.ts): Meta keeps one of the two.
 *   https://developers.facebook.com/docs/marketing-api/conversions-api/deduplicate-pixel-and-server-events
 * - `event_source_url` is the page the shopper came back to: the session's success_url (hosted)
 *   or return_url (embedded) with `{CHECKOUT_SESSION_ID}` filled in, as the browser saw it.
 * - `content_ids` and `contents` name the lines, in order, by the ids of the catalog feed's
 *   items (feeds/meta-csv.ts): a variant's own id where there is one, else the product's, as
 *   the Pixel's Purchase does (widget/social/pixel.ts). With `content_type: 'product'` Meta
 *   matches them against item ids; a variant product's id is only its group's.
 *   https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/custom-data
 * - `currency` is the order's ISO 4217 code as the Pixel sends it (`EUR`); Meta reads the code
 *   in either case. `value` is the order total in major units (24.9 for €24.90).
 * - Customer details are normalised as Meta specifies, then SHA-256 hex: email trimmed and
 *   lower-cased; city lower-cased without spaces, punctuation or digits; postal code lower-cased
 *   without spaces or dashes (US: the first 5 digits); country the lower-case ISO 3166-1
 *   alpha-2 code. Empty ones are left out. `client_user_agent`, `fbp` and `fbc` are sent as they
 *   are, from the session's metadata.
 *   https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters
 */
export async function purchaseEvent(order: Order, session: Pick<Stripe.Checkout.Session, 'success_url' | 'return_url'> & { metadata?: Stripe.Metadata | null }, eventTime: number): Promise<PurchaseEvent> {
  const address = order.shippingAddress;
  const country = address?.country?.trim().toLowerCase() ?? '';
  const userData = {
    em: await hashed(order.customerEmail?.trim().toLowerCase()),
    ct: await hashed(address?.city?.normalize('NFC').toLowerCase().replace(/[^\p{L}]/gu, '')),
    zp: await hashed(address?.postalCode && normalisePostalCode(address.postalCode, country)),
    country: await hashed(/^[a-z]{2}$/.test(country) ? country : undefined),
    // Not hashed, as Meta specifies: the browser that checked out (required for website events)
    // and the Pixel's browser and click ids, kept in the session's metadata (session-params.ts).
    client_user_agent: session.metadata?.fanshop_ua || undefined,
    fbp: session.metadata?.fanshop_fbp || undefined,
    fbc: session.metadata?.fanshop_fbc || undefined,
  };
  const quantities = new Map<string, number>();
  for (const line of order.lines) {
    const id = catalogItemId(line);
    if (id) quantities.set(id, (quantities.get(id) ?? 0) + line.quantity);
  }
  const returnPage = (session.success_url ?? session.return_url)?.replaceAll('{CHECKOUT_SESSION_ID}', order.id);
  return {
    event_name: 'Purchase',
    event_time: eventTime,
    event_id: order.id,
    action_source: 'website',
    ...(returnPage ? { event_source_url: returnPage } : {}),
    user_data: Object.fromEntries(Object.entries(userData).filter(([, value]) => value !== undefined)),
    custom_data: {
      currency: order.currency,
      value: toMajorUnits(money(order.amountTotal, order.currency)),
      content_type: 'product',
      content_ids: [...quantities.keys()],
      contents: [...quantities].map(([id, quantity]) => ({ id, quantity })),
      order_id: order.id,
    },
  };
}

function normalisePostalCode(code: string, country: string): string {
  const compact = code.toLowerCase().replace(/\s/g, '');
  // A US ZIP+4 ("94025-1234") is matched on its first five digits.
  return country === 'us' ? (compact.split('-')[0] ?? '').slice(0, 5) : compact.replace(/-/g, '');
}

/** `[sha256 hex]` of a normalised value, or undefined when there is nothing to send. */
async function hashed(value: string | null | undefined): Promise<string[] | undefined> {
  if (!value) return undefined;
  return [await sha256Hex(value)];
}
