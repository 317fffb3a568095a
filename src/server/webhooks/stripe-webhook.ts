import { Hono, type Context, type Handler } from 'hono';
import Stripe from 'stripe';
import type { Order, OrderNotice, OrderStore } from '../orders/order';
import { sendPurchaseToMeta, type MetaConversionsOptions } from '../meta/conversions-api';
import { orderFromSession } from './order-from-session';
import { ORDER_EVENTS, parseEvent, RELEASE_EVENTS } from './event-shape';
import type { StockStore } from '../stock/store';
import { RESERVATION_KEY } from '../checkout/cart-metadata';
import { apiError, errorResponse } from '../http/api-error';
import { bodySizeLimit } from '../http/body-limit';
import { describeRefusal, stripeFailure } from '../checkout/stripe-failure';

export interface WebhookOptions {
  readonly stripe: Stripe;
  /** The endpoint's signing secret (`whsec_…`). Without it the route refuses everything. */
  readonly webhookSecret: string | undefined;
  readonly orders: OrderStore;
  /** A paid session's reservation becomes a sale; an expired or failed one's is released. */
  readonly stock: StockStore;
  /** The time, in milliseconds since the epoch; tests move it. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * The merchant's hook, also for an oversold order; a failure is logged and the order stays
   * saved. It gets the order with its review link (`review`) when `reviewInvitation` is set.
   */
  readonly onOrder?: ((order: OrderNotice) => void | Promise<void>) | undefined;
  /** The review token and link of a new order (app.ts makes it from reviews/invitation.ts). */
  readonly reviewInvitation?: ((order: Order) => Promise<OrderNotice['review']>) | undefined;
  /** Told when an expired or failed session's reservation gave its units back (app.ts: the restock check). */
  readonly onStockReleased?: (() => void) | undefined;
  /** Seconds a signature stays valid (Stripe's default and ours: 300). */
  readonly toleranceSeconds?: number;
  /** Meta's Conversions API: each new order is also sent as a Purchase (meta/conversions-api.ts). */
  readonly metaConversions?: MetaConversionsOptions | undefined;
}

/** Web Crypto, so verification runs the same on Node and on Workers. */
const cryptoProvider = Stripe.createSubtleCryptoProvider();

/**
 * The largest event body read. The body is unsigned until it has been read whole, so anyone
 * can send one: the limit keeps a stranger's 64 MB from ever being held in memory. Stripe
 * documents no largest event; the part of a `checkout.session` event that can grow is its
 * metadata, at most 50 keys of 40 characters with values of 500 characters
 * (https://docs.stripe.com/api/metadata): about 27,000 characters, 108 KB if every one took
 * four bytes of UTF-8. The rest of a session is a few KB (line items are not in the event).
 * 256 KB leaves room for that twice over.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/**
 * `POST /api/webhooks/stripe`. Verifies `Stripe-Signature` on the raw body (no unsigned
 * fallback: without a secret nothing is accepted), processes each event id once, and turns
 * a paid `checkout.session.completed` (or `async_payment_succeeded`) into a sale of its
 * reserved units and a stored order before calling the merchant's hook;
 * `checkout.session.expired` and `async_payment_failed` release the reservation.
 * A body over MAX_EVENT_BYTES is refused before it is read (http/body-limit.ts).
 * https://docs.stripe.com/webhooks#verify-events
 */
export function stripeWebhookRoutes(options: WebhookOptions): Hono {
  return new Hono().post(
    '/api/webhooks/stripe',
    bodySizeLimit({ maxSize: MAX_EVENT_BYTES, onError: (c) => errorResponse(c, apiError('body_too_large', `The request is larger than ${MAX_EVENT_BYTES} bytes.`)) }),
    stripeWebhookRoute(options),
  );
}

function stripeWebhookRoute(options: WebhookOptions): Handler {
  return async (c) => {
    const signature = c.req.header('Stripe-Signature');
    const raw = await c.req.text();
    if (!options.webhookSecret) {
      console.error('[fanshop] a Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set: refused');
      return errorResponse(c, apiError('webhook_not_configured', 'Webhooks are not configured.'));
    }
    if (!signature) return errorResponse(c, apiError('signature_missing', 'Missing Stripe-Signature.'));
    const tolerance = options.toleranceSeconds ?? 300;
    // The SDK refuses a signature older than the tolerance but not one dated later than now:
    // a signature made ahead of time would stay good until long after. The same tolerance
    // either way (Stripe's clock and ours may differ a little in both directions).
    if (signedAt(signature) - Math.floor(Date.now() / 1000) > tolerance) return errorResponse(c, apiError('signature_invalid', 'The signature is dated in the future.'));
    let json: unknown;
    try {
      json = await options.stripe.webhooks.constructEventAsync(raw, signature, options.webhookSecret, tolerance, cryptoProvider);
    } catch (error) {
      // The SDK checks the signature, then parses the body: a signed body that is not JSON.
      if ((error as { type?: unknown }).type === 'StripeSignatureVerificationError') return errorResponse(c, apiError('signature_invalid', 'The signature does not match.'));
      return invalidEvent(c, 'the body is not JSON');
    }
    const parsed = parseEvent(json);
    if (!parsed.ok) return invalidEvent(c, parsed.where);
    const { event } = parsed;
    if (await options.orders.hasProcessedEvent(event.id)) return c.json({ received: true, duplicate: true });
    const reservation = (event.data.object as Stripe.Checkout.Session).metadata?.[RESERVATION_KEY];
    if (RELEASE_EVENTS.has(event.type) && reservation && (await options.stock.release(reservation)) === 'released') options.onStockReleased?.();
    if (ORDER_EVENTS.has(event.type)) {
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
        // The sale first, once per reservation: a retried event finds it sold and gets the same answer.
        const sale = reservation ? await options.stock.sell(reservation, new Date(options.now?.() ?? Date.now())) : undefined;
        const oversold = sale?.oversold ?? false;
        let order: Order;
        try {
          const items = await options.stripe.checkout.sessions.listLineItems(session.id, { limit: 100 });
          order = orderFromSession(session, items.data, oversold);
        } catch (error) {
          // Not recorded as processed: Stripe retries the event and we try again. A refusal
          // (checkout/stripe-failure.ts) will fail again until the setting at fault is fixed.
          const failure = stripeFailure(error);
          if (failure === 'other') throw error;
          if (failure === 'refused') {
            console.error(describeRefusal(`the line items of ${session.id}`, error));
            return errorResponse(c, apiError('internal_error', 'The order could not be made; see the shop’s log.'));
          }
          console.error('[fanshop] could not read the line items of', session.id, error instanceof Error ? error.message : error);
          return errorResponse(c, apiError('payment_provider_error', 'Try again later.'));
        }
        // Saved before anything else can fail, and saved once: a replay finds it 'exists'.
        const saved = await options.orders.saveOrder(order);
        if (saved === 'created' && oversold) {
          console.error(
            `[fanshop] order ${order.id} is OVERSOLD: it was paid after its reservation had ended and its units had gone to other shoppers; the order is saved and passed to onOrder; refund it or find the units (${order.lines.map((l) => `${l.quantity} × ${l.title}`).join(', ')})`,
          );
        }
        if (saved === 'created' && options.onOrder) {
          // Without its review link if that cannot be made: the hook still hears of the order.
          const review = await Promise.resolve(options.reviewInvitation?.(order)).catch((error: unknown) => {
            console.error(`[fanshop] could not make the review link of order ${order.id}:`, error);
            return undefined;
          });
          try {
            await options.onOrder(review ? { ...order, review } : order);
          } catch (error) {
            console.error(`[fanshop] the onOrder hook failed for order ${order.id}; the order is saved:`, error);
          }
        }
        // Once per order, like the hook; it logs its own failures and never throws.
        if (saved === 'created' && options.metaConversions) await sendPurchaseToMeta(options.metaConversions, order, session, event.created);
      }
    }
    await options.orders.markEventProcessed(event.id);
    return c.json({ received: true });
  };
}

/** A signed event the route cannot use: logged, and answered 400 (event-shape.ts says why not 5xx). */
function invalidEvent(c: Context, where: string): Response {
  console.error(`[fanshop] POST /api/webhooks/stripe refused a correctly signed event (invalid_event): ${where}`);
  return errorResponse(c, apiError('invalid_event', `The event is not one the shop can read (${where}).`));
}

/**
 * The time in `Stripe-Signature: t=<unix seconds>,v1=…`, read as the SDK reads it (the last
 * `t=`, parseInt), so it is the time the verified signature covers; 0 when there is none.
 * https://docs.stripe.com/webhooks#verify-manually
 */
function signedAt(header: string): number {
  let timestamp = 0;
  for (const item of header.split(',')) {
    const [key, value = ''] = item.split('=');
    if (key === 't') timestamp = parseInt(value, 10) || 0;
  }
  return timestamp;
}
