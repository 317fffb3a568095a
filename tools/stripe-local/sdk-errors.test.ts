import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { rejection, shirtAndCap, sdkFor } from './testing';

/** Bad input through the official SDK: each mistake fails the way Stripe fails it. */

let local: StartedLocalStripe;
let stripe: Stripe;

beforeAll(async () => {
  local = await startLocalStripe({
    webhookSecret: 'whsec_sdk_test',
    prices: { price_tour_poster: { unit_amount: 1500, currency: 'eur', product: { name: 'Tour poster' } } },
    log: () => {},
  });
  stripe = sdkFor(local);
});
afterAll(() => local.close());

describe('invalid requests', () => {
  const invalidParam = async (params: Record<string, unknown>) => {
    const error = await rejection(stripe.checkout.sessions.create(params as Stripe.Checkout.SessionCreateParams));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.rawType).toBe('invalid_request_error');
    return error;
  };
  const withLine = (line: Record<string, unknown>) => ({ ...shirtAndCap(), line_items: [line] });
  const priceData = { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt' } };

  it('names an unknown parameter with Stripe’s code, message and doc link', async () => {
    const error = await invalidParam({ ...shirtAndCap(), foo: 'bar' });
    expect(error).toMatchObject({
      code: 'parameter_unknown',
      param: 'foo',
      message: 'Received unknown parameter: foo',
      doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown',
    });
    expect(error.raw).toMatchObject({ request_log_url: null });
  });

  it('names an unknown nested parameter by its bracketed path', async () => {
    const error = await invalidParam(withLine({ price_data: { ...priceData, colour: 'red' }, quantity: 1 }));
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'line_items[0][price_data][colour]' });
  });

  it('knows that payment_method_types is gone from the create call since stripe-node 23', async () => {
    expect(await invalidParam({ ...shirtAndCap(), payment_method_types: ['card'] })).toMatchObject({ code: 'parameter_unknown', param: 'payment_method_types' });
  });

  it.each([12.5, 'abc', ''])('refuses unit_amount %j as an invalid integer', async (amount) => {
    const error = await invalidParam(withLine({ price_data: { ...priceData, unit_amount: amount }, quantity: 1 }));
    expect(error).toMatchObject({ code: 'parameter_invalid_integer', param: 'line_items[0][price_data][unit_amount]', message: `Invalid integer: ${amount}` });
  });

  it('refuses a quantity of 0', async () => {
    const error = await invalidParam(withLine({ price_data: priceData, quantity: 0 }));
    expect(error).toMatchObject({ param: 'line_items[0][quantity]', message: 'This value must be greater than or equal to 1.' });
  });

  it('refuses a line without a quantity', async () => {
    expect(await invalidParam(withLine({ price_data: priceData }))).toMatchObject({ code: 'parameter_missing', param: 'line_items[0][quantity]' });
  });

  it('refuses a mode Stripe does not have', async () => {
    const error = await invalidParam({ ...shirtAndCap(), mode: 'banana' });
    expect(error).toMatchObject({ param: 'mode', message: 'Invalid mode: must be one of payment, setup, or subscription' });
  });

  it('refuses the ui_mode names from before API 2026-03-25.dahlia', async () => {
    const { success_url: _s, cancel_url: _c, ...params } = shirtAndCap();
    const error = await invalidParam({ ...params, ui_mode: 'embedded', return_url: 'https://shop.example/return' });
    expect(error.param).toBe('ui_mode');
    expect(error.message).toMatch(/^Invalid ui_mode: must be one of hosted_page, embedded_page, elements, or form/);
  });

  it('refuses a currency that is not a three-letter ISO code', async () => {
    const error = await invalidParam(withLine({ price_data: { ...priceData, currency: 'euro' }, quantity: 1 }));
    expect(error.param).toBe('line_items[0][price_data][currency]');
    expect(error.message).toMatch(/^Invalid currency: euro/);
  });

  it('requires line_items in payment mode', async () => {
    const { line_items: _lines, ...params } = shirtAndCap();
    expect(await invalidParam(params)).toMatchObject({ code: 'parameter_missing', param: 'line_items', message: 'Missing required param: line_items.' });
  });

  it('requires a product name for price_data', async () => {
    const error = await invalidParam(withLine({ price_data: { currency: 'eur', unit_amount: 100, product_data: { description: 'A shirt' } }, quantity: 1 }));
    expect(error).toMatchObject({ code: 'parameter_missing', param: 'line_items[0][price_data][product_data][name]' });
  });

  it('requires success_url for a hosted page', async () => {
    const { success_url: _s, ...params } = shirtAndCap();
    expect(await invalidParam(params)).toMatchObject({ code: 'parameter_missing', param: 'success_url' });
  });

  it('refuses success_url on an embedded page', async () => {
    const { cancel_url: _c, ...params } = shirtAndCap();
    const error = await invalidParam({ ...params, ui_mode: 'embedded_page', return_url: 'https://shop.example/return' });
    expect(error.param).toBe('success_url');
  });

  it('refuses an empty string where a value cannot be unset', async () => {
    const error = await invalidParam({ ...shirtAndCap(), customer_email: '' });
    expect(error).toMatchObject({ code: 'parameter_invalid_empty', param: 'customer_email' });
    expect(error.message).toMatch(/^You passed an empty string for 'customer_email'/);
  });

  it('refuses a success_url that is not a URL', async () => {
    expect(await invalidParam({ ...shirtAndCap(), success_url: 'thanks.html' })).toMatchObject({ code: 'url_invalid', param: 'success_url', message: 'Not a valid URL' });
  });

  it('refuses price and price_data on the same line', async () => {
    expect(await invalidParam(withLine({ price: 'price_tour_poster', price_data: priceData, quantity: 1 }))).toMatchObject({ code: 'parameters_exclusive' });
  });

  it('refuses a price id it does not know', async () => {
    expect(await invalidParam(withLine({ price: 'price_nope', quantity: 1 }))).toMatchObject({ code: 'resource_missing', param: 'line_items[0][price]', message: "No such price: 'price_nope'" });
  });

  it('refuses an expires_at less than 30 minutes away', async () => {
    const error = await invalidParam({ ...shirtAndCap(), expires_at: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(error).toMatchObject({ message: 'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', param: undefined, code: undefined });
  });

  it('refuses a total below Stripe’s minimum charge', async () => {
    const error = await invalidParam(withLine({ price_data: { ...priceData, unit_amount: 30 }, quantity: 1 }));
    expect(error.code).toBe('amount_too_small');
    expect(error.message).toMatch(/at least €0\.50 eur$/);
  });
});

describe('authentication', () => {
  it('refuses a wrong API key with StripeAuthenticationError and masks the key', async () => {
    const wrong = new Stripe('pk_test_1234567890abcdef', { host: '127.0.0.1', port: local.port, protocol: 'http' });
    const error = await rejection(wrong.checkout.sessions.create(shirtAndCap()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^Invalid API Key provided: pk_test_\*+cdef$/);
  });

  it('refuses a live key: the stand-in is test mode only', async () => {
    const live = new Stripe('sk_live_1234567890abcdef', { host: '127.0.0.1', port: local.port, protocol: 'http' });
    const error = await rejection(live.checkout.sessions.retrieve('cs_test_x'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.message).toContain('sk_live_************cdef');
  });
});

