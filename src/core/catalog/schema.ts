import * as v from 'valibot';

/**
 * The shape of a catalog FILE as a merchant writes it (docs/catalog-format.md), before
 * `parseCatalog` checks how its parts fit together and turns it into domain types.
 *
 * Every message is a sentence for a merchant, not a developer, and says what was found.
 * The schema ships in the widget bundle, so messages come from a few small factories below
 * rather than from a table. `v.object` drops unknown keys; `unknown-fields.ts` warns about them.
 */

type Issue = v.BaseIssue<unknown>;

/**
 * A found string as it appears in a message: quoted, and cut short when long.
 * @example quote('euro') // '"euro"'
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/**
 * How a value of the wrong type reads in a sentence.
 * @example describeFound(12) // "a number (12)"
 */
export function describeFound(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `a string (${quote(input)})`;
  if (typeof input === 'number') return `a number (${input})`;
  return typeof input === 'object' ? 'an object' : String(input);
}

/** Type check message. A missing key reaches the object's message with `input: undefined`. */
const mustBe = (what: string) => (issue: Issue) =>
  issue.input === undefined ? 'is required' : `must be ${what}, got ${describeFound(issue.input)}`;

/** Value check message: the rule, then the value that broke it. */
const found = (rule: string) => (issue: Issue) =>
  `${rule}, got ${typeof issue.input === 'string' ? quote(issue.input) : String(issue.input)}`;

const obj = <T extends v.ObjectEntries>(entries: T) => v.object(entries, mustBe('an object'));
const list = <T extends v.GenericSchema>(item: T) => v.array(item, mustBe('a list'));

const text = (max = 5000) =>
  v.pipe(
    v.string(mustBe('a string')),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, (issue) => `must be at most ${max} characters, got ${issue.received}`),
  );

/** Ids go into URLs (`#/p/<id>`) and the shopper's saved cart, so they stay short and plain. */
const id = v.pipe(
  v.string(mustBe('a string')),
  v.minLength(1, 'must not be empty'),
  v.maxLength(100, (issue) => `must be at most 100 characters, got ${issue.received}`),
  v.regex(/^[\w-]+$/, found('may only contain letters, digits, "-" and "_"')),
);

/** BCP 47 language tag, loosely: `en`, `de-AT`, `zh-Hant-TW`. */
const locale = v.pipe(
  v.string(mustBe('a string')),
  v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{2,8})*$/, found('must be a language code such as "en" or "de-AT"')),
);

/** A string for the shop's default locale, or an object of locale to string. */
const localized = (max?: number) =>
  v.union(
    [
      text(max),
      v.pipe(
        v.record(locale, text(max), mustBe('an object')),
        v.minEntries(1, 'must name at least one language, such as { "en": "Mug" }'),
      ),
    ],
    mustBe('a string or an object of languages, such as { "en": "Mug", "de": "Becher" }'),
  );

const wholeNumber = (unit: string, min: number, minRule: string) =>
  v.pipe(
    v.number(mustBe(`a whole number${unit}`)),
    v.safeInteger(found(`must be a whole number${unit}`)),
    v.minValue(min, found(minRule)),
  );

/** Money is an integer of minor units; 12.5 is the mistake this rule exists for. */
const cents = wholeNumber(' of cents', 0, 'must be 0 or more');
const stock = wholeNumber('', 0, 'must be 0 or more');
const pixels = wholeNumber(' of pixels', 1, 'must be at least 1 pixel');

/** ISO 8601 date or date-time; the check rejects days a calendar does not have (2026-02-30). */
const date = v.pipe(
  v.string(mustBe('a string')),
  v.regex(
    /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/,
    found('must be a date such as "2026-03-01" or "2026-03-01T09:00:00Z"'),
  ),
  v.check((s) => {
    const day = new Date(`${s.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s.slice(0, 10));
  }, found('must be a day that exists in the calendar')),
);

// Patterns carry no flags: JSON Schema's "pattern" cannot express them.

/**
 * Image sources are relative to the catalog or http(s). Other schemes (`javascript:`,
 * `C:\`) are refused: the catalog is untrusted and `src` ends up in the shopper's page.
 */
const imageSrc = v.pipe(
  text(2000),
  v.regex(
    /^(?![a-zA-Z][a-zA-Z\d+.-]*:)|^https?:\/\//,
    found('must be a path relative to the catalog file or an http(s) address'),
  ),
);

/** A CSS colour; no `;`, quotes or braces so it cannot smuggle other declarations. */
const swatch = v.pipe(
  v.string(mustBe('a string')),
  v.regex(/^[#\w(),.%\s-]{1,60}$/, found('must be a CSS colour such as "#1d4ed8" or "navy"')),
);

const optionValue = v.union(
  [text(200), obj({ id: text(200), label: localized(200), swatch: v.optional(swatch), image: v.optional(imageSrc) })],
  mustBe('a string or an object with "id" and "label"'),
);

const option = obj({
  id,
  name: localized(200),
  values: v.pipe(list(optionValue), v.minLength(1, 'must list at least one value')),
});

/** https://docs.stripe.com/api/prices/object#price_object-id */
const stripePriceId = v.pipe(
  v.string(mustBe('a string')),
  v.regex(/^price_\w{1,200}$/, found('must be a Stripe price id such as "price_1PgafyB7WZ01zgkW"')),
);

/** https://docs.stripe.com/payment-links: an https address, usually https://buy.stripe.com/… */
const paymentLink = v.pipe(
  v.string(mustBe('a string')),
  v.regex(/^https:\/\/[^\s/?#]+\/\S+$/, found('must be an https address of a Stripe Payment Link such as "https://buy.stripe.com/test_abc"')),
);

const variant = obj({
  id,
  options: v.record(v.string(mustBe('a string')), text(200), mustBe('an object')),
  price: v.optional(cents),
  compareAtPrice: v.optional(cents),
  stock: v.optional(stock),
  sku: v.optional(text(200)),
  stripePriceId: v.optional(stripePriceId),
});

const product = obj({
  id,
  title: localized(200),
  description: v.optional(localized()),
  images: v.optional(list(obj({ src: imageSrc, alt: v.optional(localized(500)), width: pixels, height: pixels }))),
  price: cents,
  compareAtPrice: v.optional(cents),
  category: v.optional(id),
  tags: v.optional(list(text(200))),
  createdAt: v.optional(date),
  options: v.optional(
    v.pipe(list(option), v.maxLength(3, (issue) => `may have at most 3 options, got ${issue.received}`)),
  ),
  variants: v.optional(list(variant)),
  stock: v.optional(stock),
  availability: v.optional(
    v.picklist(['in_stock', 'out_of_stock', 'coming_soon'], found('must be "in_stock", "out_of_stock" or "coming_soon"')),
  ),
  stripePriceId: v.optional(stripePriceId),
  paymentLink: v.optional(paymentLink),
});

/** The whole file. `$schema` is the editor's hint (docs/catalog-format.md) and is otherwise unused. */
export const catalogFileSchema = v.object(
  {
    $schema: v.optional(v.string(mustBe('a string'))),
    shop: obj({
      id,
      name: localized(200),
      currency: v.pipe(
        v.string(mustBe('a string')),
        v.regex(/^[A-Z]{3}$/, found('must be a three-letter ISO 4217 currency code such as EUR')),
      ),
      defaultLocale: locale,
      baseUrl: v.pipe(
        v.string(mustBe('a string')),
        v.regex(
          /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/,
          found('must be an absolute address starting with https://, such as "https://shop.example.com"'),
        ),
      ),
    }),
    categories: v.optional(list(obj({ id, title: localized(200) }))),
    products: list(product),
  },
  mustBe('a JSON object with "shop" and "products"'),
);

/** The catalog file after its shape has been checked, before normalisation. */
export type CatalogFile = v.InferOutput<typeof catalogFileSchema>;
export type ProductFile = CatalogFile['products'][number];
