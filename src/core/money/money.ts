/**
 * Money is an integer amount of minor units (cents) with its ISO 4217 currency.
 * It never becomes a float until `formatMoney` hands it to Intl.NumberFormat.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`[fanshop] money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

const exponents = new Map<string, number>();

/**
 * How many minor units make one major unit for a currency (2 for EUR, 0 for JPY, 3 for KWD),
 * as Intl knows it. Stripe uses the same exponents for `unit_amount`.
 */
export function currencyExponent(currency: string): number {
  // Kept: resolvedOptions() makes a new object each call, and every price on a card asks.
  let exponent = exponents.get(currency);
  if (exponent === undefined) exponents.set(currency, (exponent = formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2));
  return exponent;
}

/** The amount in major units as a number, for analytics payloads (`value`) only. */
export function toMajorUnits(m: Money): number {
  return m.amount / 10 ** currencyExponent(m.currency);
}

/**
 * Formats money for people with Intl.NumberFormat and nothing else.
 * @example formatMoney({ amount: 2490, currency: 'EUR' }, 'de') // "24,90 €"
 */
export function formatMoney(m: Money, locale: string): string {
  return formatter(locale, m.currency).format(toMajorUnits(m));
}
