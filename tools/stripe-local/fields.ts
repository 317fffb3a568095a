import * as v from 'valibot';
import type { StripeErrorCode } from './errors';

/**
 * Valibot schemas for single form values, failing with Stripe's messages and codes.
 *
 * Every leaf of a form body is a string (form.ts), so each field parses a string into what it
 * means. An issue's `expected` carries the Stripe error code (the name Stripe gives to what it
 * expected) and its message may say `{param}`, which validate.ts replaces with the bracketed path
 * once valibot has told it where the issue is. Messages follow Stripe's wording where it is
 * public (e.g. "Invalid integer: 12.5", "You passed an empty string for ...",
 * "Invalid boolean: maybe", "Not a valid URL").
 */

/** A field: unknown form value in, typed value out, one Stripe-worded issue on failure. */
function field<T>(parse: (value: string, fail: (message: string, code?: StripeErrorCode) => never) => T, kind: string) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      if (typeof value !== 'string') {
        addIssue({ message: `Invalid ${kind}: ${render(value)}` });
        return NEVER;
      }
      let failed = false;
      const fail = (message: string, code?: StripeErrorCode): never => {
        failed = true;
        addIssue({ message, ...(code ? { expected: code } : {}) });
        return NEVER;
      };
      const result = parse(value, fail);
      return failed ? NEVER : result;
    }),
  );
}

export const EMPTY_MESSAGE =
  "You passed an empty string for '{param}'. We assume empty values are an attempt to unset a parameter; however '{param}' cannot be unset. You should remove '{param}' from your request or supply a non-empty value.";

/** Stripe reads `''` as "unset", which most create parameters refuse with this exact message. */
export const failEmpty = (fail: (message: string, code?: StripeErrorCode) => never) => fail(EMPTY_MESSAGE, 'parameter_invalid_empty');

/** A non-empty string, at most `max` characters. */
export const text = (max = 5000) =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    if (value.length > max) return fail(`Invalid {param}: must be at most ${max} characters`);
    return value;
  }, 'string');

/** An integer written the way Stripe accepts it: digits only, no fraction, no exponent. */
export const integer = (bounds: { min?: number; max?: number } = {}) =>
  field((value, fail) => {
    // Stripe answers `Invalid integer: ` for an empty value too (it is not "unset" here).
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return fail(`Invalid integer: ${value}`, 'parameter_invalid_integer');
    const n = Number(value);
    if (bounds.min !== undefined && n < bounds.min) return fail(`This value must be greater than or equal to ${bounds.min}.`);
    if (bounds.max !== undefined && n > bounds.max) return fail(`This value must be less than or equal to ${bounds.max}.`);
    return n;
  }, 'integer');

export const boolean = () =>
  field((value, fail) => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    if (value === '') return failEmpty(fail);
    return fail(`Invalid boolean: ${value}`);
  }, 'boolean');

/**
 * One of a fixed set of values, with Stripe's enum wording
 * ("Invalid mode: must be one of payment, setup, or subscription"); Stripe sends no code here.
 * `renamed` points callers of an older API version at the new name.
 */
export const oneOf = <const T extends string>(values: readonly T[], renamed: Record<string, string> = {}) =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    if ((values as readonly string[]).includes(value)) return value as T;
    const list = values.length > 12 ? `${values.slice(0, 12).join(', ')}, ...` : `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}`;
    const hint = renamed[value] ? ` (\`${value}\` was renamed to \`${renamed[value]}\`)` : '';
    return fail(`Invalid {param}: must be one of ${list}${hint}`);
  }, 'string');

/** An absolute http(s) URL; Stripe answers `url_invalid` / "Not a valid URL" otherwise. */
export const url = () =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    if (value.length > 5000) return fail('Not a valid URL', 'url_invalid');
    // `{CHECKOUT_SESSION_ID}` is a template Stripe fills in on redirect; URL() would escape its braces.
    const probe = value.replace(/\{CHECKOUT_SESSION_ID\}/g, 'cs');
    if (!URL.canParse(probe) || !/^https?:$/.test(new URL(probe).protocol)) return fail('Not a valid URL', 'url_invalid');
    return value;
  }, 'string');

export const email = () =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    if (value.length > 512 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)) return fail(`Invalid email address: ${value}`, 'email_invalid');
    return value;
  }, 'string');

/** Three-letter ISO 4217 code as Intl knows it; Stripe stores it lowercase. */
const knownCurrencies = new Set(Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()));
export const currency = () =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    const lower = value.toLowerCase();
    if (!/^[a-z]{3}$/.test(lower) || !knownCurrencies.has(lower)) {
      return fail(`Invalid currency: ${value}. Stripe currently supports three-letter ISO currency codes such as eur, usd, gbp (https://stripe.com/docs/currencies).`);
    }
    return lower;
  }, 'string');

/**
 * `metadata`: up to 50 string keys (40 characters) and values (500 characters). An empty value
 * unsets a key, and `metadata=` unsets them all. https://docs.stripe.com/api/metadata
 */
export const metadata = () =>
  v.pipe(
    v.unknown(),
    v.rawTransform<unknown, Record<string, string>>(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      if (value === '') return {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        addIssue({ message: 'Invalid object' });
        return NEVER;
      }
      const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== '');
      const problem =
        entries.length > 50
          ? 'Invalid {param}: metadata can have at most 50 keys'
          : entries.find(([key]) => key.length > 40)
            ? 'Invalid {param}: metadata keys can be at most 40 characters long'
            : entries.find(([, item]) => typeof item !== 'string')
              ? 'Invalid {param}: metadata values must be strings'
              : entries.find(([, item]) => (item as string).length > 500)
                ? 'Invalid {param}: metadata values can be at most 500 characters long'
                : null;
      if (problem) {
        addIssue({ message: problem });
        return NEVER;
      }
      return Object.fromEntries(entries) as Record<string, string>;
    }),
  );

function render(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Two-letter country codes Checkout can ship to: capitals, known to Intl, and not one of the
 * territories Stripe lists as unsupported for `shipping_address_collection[allowed_countries]`.
 */
const UNSUPPORTED_SHIPPING = new Set(['AS', 'CX', 'CC', 'CU', 'HM', 'IR', 'KP', 'MH', 'FM', 'NF', 'MP', 'PW', 'SY', 'UM', 'VI']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export const shippingCountry = () =>
  field((value, fail) => {
    if (value === '') return failEmpty(fail);
    if (!/^[A-Z]{2}$/.test(value) || !regionNames.of(value) || UNSUPPORTED_SHIPPING.has(value)) {
      return fail('Invalid {param}: must be a two-letter country code Checkout ships to, in capitals (e.g. DE, AT, US)');
    }
    return value;
  }, 'string');
