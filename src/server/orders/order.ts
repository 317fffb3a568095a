import type { ReviewInvitation } from '../../core/api/reviews';

/** An order, made from a paid Checkout Session (`checkout.session.completed`). */
export interface Order {
  /** The Checkout Session id: one session, one order. */
  readonly id: string;
  readonly createdAt: string;
  readonly livemode: boolean;
  readonly currency: string;
  /** Minor units. */
  readonly amountSubtotal: number;
  readonly amountTotal: number;
  readonly customerEmail: string | null;
  readonly shippingAddress: {
    readonly name: string | null;
    readonly line1: string | null;
    readonly line2: string | null;
    readonly postalCode: string | null;
    readonly city: string | null;
    readonly state: string | null;
    readonly country: string | null;
  } | null;
  readonly lines: readonly OrderLine[];
  readonly paymentIntent: string | null;
  /**
   * The payment came after the session's reservation had ended and its units had gone to other
   * shoppers (stock/store.ts): the order stands, and the merchant decides whether to refund it.
   */
  readonly oversold: boolean;
}

export interface OrderLine {
  readonly productId: string | null;
  readonly variantId: string | null;
  readonly title: string;
  readonly quantity: number;
  /** Minor units for the whole line. */
  readonly amountTotal: number;
}

/** The catalog products an order bought, each once ("Often bought together" counts them). */
export function orderProducts(order: Order): string[] {
  // typeof: orders imported from an old data directory may lack the field.
  return [...new Set(order.lines.flatMap((l) => (typeof l.productId === 'string' ? [l.productId] : [])))];
}

/**
 * Where orders are kept, and which webhook events were processed: one of the engines of
 * data/stores.ts. Orders are written once per Checkout Session id.
 */
export interface OrderStore {
  /** Saves an order unless one with its id exists; says which happened. */
  saveOrder(order: Order): Promise<'created' | 'exists'>;
  getOrder(id: string): Promise<Order | undefined>;
  listOrders(): Promise<Order[]>;
  /** Records a webhook event id; false when it was recorded before (a replay). */
  markEventProcessed(eventId: string): Promise<boolean>;
  hasProcessedEvent(eventId: string): Promise<boolean>;
}

/**
 * What the merchant's `onOrder` hook gets: the order and, when the shop has a review secret, its
 * review token and a link to send the shopper ("Rate what you bought"; reviews/invitation.ts).
 * @example onOrder: async (order) => { if (order.review) await mailer.send(order.customerEmail, `Rate it: ${order.review.url}`); }
 */
export interface OrderNotice extends Order {
  readonly review?: ReviewInvitation & {
    /** `<shop baseUrl>/shop#/review/<token>`, or null when the catalog could not be read. */
    readonly url: string | null;
  };
}
