import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** Helpers shared by the tests that drive the stand-in with the real SDK over HTTP. */

/** A two-line cart as the shop would send it, with every parameter Fanshop uses. */
export const shirtAndCap = (): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  ui_mode: 'hosted_page',
  line_items: [
    {
      price_data: { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt', images: ['https://shop.example/shirt.jpg'] } },
      quantity: 2,
    },
    { price_data: { currency: 'eur', unit_amount: 1200, product_data: { name: 'Cap' } }, quantity: 1 },
  ],
  success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://shop.example/cart',
  metadata: { cart: 'c_42' },
  locale: 'de',
  customer_email: 'fan@example.com',
  client_reference_id: 'order-42',
  shipping_address_collection: { allowed_countries: ['DE', 'AT'] },
  allow_promotion_codes: true,
});

/** The error a call rejects with, so its fields can be asserted one by one. */
export async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

/** A stand-in for the shop's webhook route: records each delivery and answers `status()`. */
export async function webhookReceiver(status: () => number) {
  const received: { body: string; signature: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature'] ?? '') });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return { received, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The official SDK pointed at a local test-mode Stripe (its host, port and protocol options)
 * with its key, as attach.ts points the Node server at it when there is no STRIPE_SECRET_KEY.
 */
export function sdkFor(local: { port: number; secretKey: string }, options: Stripe.StripeConfig = {}): Stripe {
  return new Stripe(local.secretKey, { host: '127.0.0.1', port: local.port, protocol: 'http', ...options });
}
