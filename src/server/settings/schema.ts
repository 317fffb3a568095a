import * as v from 'valibot';
import { parsePasswordHash } from '../studio/password';

/**
 * Every environment variable the server reads, once, for Node (node.ts) and Cloudflare Workers
 * (worker.ts) alike: one valibot schema per variable, one default, one error message per bad
 * value. The README's environment table is generated from this table (`npm run docs:env`, and
 * settings.test.ts fails when the README is behind).
 *
 * Runtime entries read their env with `configFromEnv` and add only what their runtime has: the
 * stores, the client's address and the Stripe client (app-options.ts).
 */

/** Where a variable means something. A variable of the other runtime is ignored there. */
type Runtime = 'both' | 'node' | 'workers';

interface Setting<S extends v.GenericSchema<string, unknown>, D extends string | undefined> {
  readonly schema: S;
  /** The value used when the variable is unset or empty, as the README shows it. */
  readonly default: D;
  /** How the README's table shows the default when it is not a plain value. */
  readonly defaultText?: string;
  readonly runtime: Runtime;
  /** One line for the README's table. */
  readonly doc: string;
}

const setting = <S extends v.GenericSchema<string, unknown>, const D extends string | undefined>(s: Setting<S, D>) => s;

const whole = (min: number, max: number, what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `must be a whole number ${what}`),
    v.transform(Number),
    v.number(),
    v.minValue(min, `must be a whole number ${what}`),
    v.maxValue(max, `must be a whole number ${what}`),
  );

const prefixed = (pattern: RegExp, what: string) => v.pipe(v.string(), v.regex(pattern, `must be ${what}`));

const absoluteUrl = (what: string) =>
  v.pipe(
    v.string(),
    v.check((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), `must be ${what}`),
    v.transform((s) => new URL(s)),
  );

const list = <T>(item: (entry: string) => T | undefined, what: string) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.split(',').map((entry) => entry.trim()).filter(Boolean)),
    v.check((entries) => entries.every((entry) => item(entry) !== undefined), `must be ${what}`),
    v.transform((entries) => entries.map((entry) => item(entry)!)),
  );

const origin = (entry: string) => (URL.canParse(entry) && /^https?:$/.test(new URL(entry).protocol) ? new URL(entry).origin : undefined);
const country = (entry: string) => (/^[A-Za-z]{2}$/.test(entry) ? entry.toUpperCase() : undefined);

export const SETTINGS = {
  STRIPE_SECRET_KEY: setting({
    schema: prefixed(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key (sk_test_… or sk_live_…)'),
    default: undefined,
    defaultText: '(local test mode)',
    runtime: 'both',
    doc: '`sk_test_…` or `sk_live_…`. Required with `NODE_ENV=production`; without it (and outside production) the Node server runs the local test-mode Stripe',
  }),
  STRIPE_WEBHOOK_SECRET: setting({
    schema: prefixed(/^whsec_\w+$/, 'a webhook signing secret (whsec_…)'),
    default: undefined,
    runtime: 'both',
    doc: 'the `whsec_…` of the webhook endpoint `https://<shop>/api/webhooks/stripe`',
  }),
  STRIPE_PUBLISHABLE_KEY: setting({
    schema: prefixed(/^pk_(test|live)_\w+$/, 'a publishable key (pk_test_… or pk_live_…)'),
    default: undefined,
    runtime: 'both',
    doc: '`pk_…`; needed for embedded mode',
  }),
  STRIPE_API_BASE: setting({
    schema: absoluteUrl('an absolute http(s) URL'),
    default: undefined,
    defaultText: 'Stripe',
    runtime: 'both',
    doc: 'tests and `npm run bench` only: another Stripe API, such as the local test-mode Stripe in its own process',
  }),
  FANSHOP_CHECKOUT_UI: setting({
    schema: v.picklist(['hosted', 'embedded'], 'must be hosted or embedded'),
    default: 'hosted',
    runtime: 'both',
    doc: '`embedded`: Stripe\'s form in a dialog on your page (needs `STRIPE_PUBLISHABLE_KEY`)',
  }),
  FANSHOP_ALLOWED_ORIGINS: setting({
    schema: list(origin, 'comma-separated http(s) origins such as https://www.example.com'),
    default: undefined,
    defaultText: 'Node: `http://localhost:<PORT>` and `http://127.0.0.1:<PORT>`; Workers: the Worker\'s own origin',
    runtime: 'both',
    doc: 'comma-separated origins whose pages may start a checkout, like, and be returned to',
  }),
  FANSHOP_SHIPPING_COUNTRIES: setting({
    schema: list(country, 'comma-separated two-letter country codes such as DE,AT'),
    default: 'DE,AT,CH,NL,FR,GB,US',
    runtime: 'both',
    doc: 'countries Checkout asks a shipping address for; empty: no shipping address',
  }),
  FANSHOP_PROMOTION_CODES: setting({
    schema: v.pipe(v.picklist(['true', 'false'], 'must be true or false'), v.transform((s) => s === 'true')),
    default: 'true',
    runtime: 'both',
    doc: 'let shoppers enter promotion codes',
  }),
  FANSHOP_MAX_QUANTITY: setting({ schema: whole(1, 999, 'from 1 to 999'), default: '99', runtime: 'both', doc: 'most units of one cart line the server accepts' }),
  // Stripe takes at most 100 line items in one Checkout Session.
  FANSHOP_MAX_LINES: setting({ schema: whole(1, 100, 'from 1 to 100'), default: '50', runtime: 'both', doc: 'most lines of one checkout (Stripe takes 100 at most)' }),
  FANSHOP_CHECKOUT_RATE_LIMIT: setting({
    schema: whole(0, 100_000, 'from 0 to 100000'),
    default: '20',
    runtime: 'both',
    doc: 'checkouts one client may start per minute; `0` refuses every checkout',
  }),
  FANSHOP_LIKES_RATE_LIMIT: setting({
    schema: whole(0, 100_000, 'from 0 to 100000'),
    default: '60',
    runtime: 'both',
    doc: 'like changes one client may make per minute (reads: ten times as many); `0` refuses every like',
  }),
  FANSHOP_ANALYTICS: setting({
    schema: v.picklist(['on', 'off'], 'must be on or off'),
    default: 'on',
    runtime: 'both',
    doc: '`off`: keep none of the widget\'s events (views, searches, likes, carts, checkouts) and tell the widget to send none; the studio\'s funnel then has orders only',
  }),
  FANSHOP_EVENTS_RATE_LIMIT: setting({
    schema: whole(0, 100_000, 'from 0 to 100000'),
    default: '30',
    runtime: 'both',
    doc: 'batches of events one client may send per minute (`POST /api/events`; the widget sends one every 5 s at most); `0` refuses every one',
  }),
  FANSHOP_REVIEW_SECRET: setting({
    schema: v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters (make one with: openssl rand -base64 32)')),
    default: undefined,
    defaultText: '(local test mode: a development secret)',
    runtime: 'both',
    doc: 'signs the review links of paid orders and the unsubscribe links of "Notify me" (32+ random characters: `openssl rand -base64 32`; keep it, or earlier links stop working). Needed with `STRIPE_SECRET_KEY`: without it no review can be written and no email left for "Notify me"',
  }),
  FANSHOP_REVIEWS_MODERATION: setting({
    schema: v.picklist(['publish', 'hold'], 'must be publish or hold'),
    default: 'publish',
    runtime: 'both',
    doc: '`hold`: new and changed reviews wait until you approve them (`npx fanshop reviews approve <id>`)',
  }),
  FANSHOP_REVIEWS_RATE_LIMIT: setting({
    schema: whole(0, 100_000, 'from 0 to 100000'),
    default: '10',
    runtime: 'both',
    doc: 'reviews one client may write or change per minute (reads: fifty times as many); `0` refuses every review',
  }),
  FANSHOP_WISHES_RATE_LIMIT: setting({
    schema: whole(0, 100_000, 'from 0 to 100000'),
    default: '5',
    runtime: 'both',
    doc: '"Notify me" emails one client may leave per minute (`POST /api/wishes`); `0` refuses every one',
  }),
  FANSHOP_ADMIN_PASSWORD: setting({
    schema: v.pipe(v.string(), v.minLength(12, 'must be at least 12 characters (or set FANSHOP_ADMIN_PASSWORD_HASH, made by: npx fanshop hash-password)'), v.maxLength(1024, 'must be at most 1024 characters')),
    default: undefined,
    defaultText: '(studio off; the no-key demo prints one)',
    runtime: 'both',
    doc: 'turns on the studio (`/studio`: reviews, catalog import) with this password, kept only as a slow hash; prefer `FANSHOP_ADMIN_PASSWORD_HASH`',
  }),
  FANSHOP_ADMIN_PASSWORD_HASH: setting({
    schema: v.pipe(v.string(), v.check((s) => parsePasswordHash(s) !== undefined, 'must be a hash made by: npx fanshop hash-password (pbkdf2-sha256$…)')),
    default: undefined,
    runtime: 'both',
    doc: 'the studio password as a hash (`npx fanshop hash-password`); wins over `FANSHOP_ADMIN_PASSWORD`. Changing it logs every studio session out',
  }),
  FANSHOP_TRUSTED_PROXIES: setting({
    schema: whole(0, 10, 'from 0 to 10'),
    default: '0',
    runtime: 'node',
    doc: 'reverse proxies in front of the Node server (`1` behind Caddy or nginx): clients are then told apart by `X-Forwarded-For`',
  }),
  FANSHOP_CATALOG: setting({
    schema: v.pipe(v.string(), v.minLength(1)),
    default: undefined,
    defaultText: 'the demo catalog',
    runtime: 'node',
    doc: 'the catalog file (read again whenever it changes)',
  }),
  FANSHOP_CATALOG_URL: setting({
    schema: absoluteUrl('an absolute http(s) URL of a catalog JSON'),
    default: undefined,
    defaultText: 'the deployed `catalog.json`',
    runtime: 'workers',
    doc: 'read the catalog from this URL (again at most once a minute) instead of the deployed file',
  }),
  FANSHOP_DATA_DIR: setting({
    schema: v.pipe(v.string(), v.minLength(1)),
    default: '.data',
    runtime: 'node',
    doc: 'where the embedded database (PGlite, in `<dir>/pglite`) keeps likes, orders and stock; the `likes.log` and `orders/` of an older Fanshop found here are imported once',
  }),
  DATABASE_URL: setting({
    schema: v.pipe(v.string(), v.check((s) => /^postgres(ql)?:\/\//.test(s) && URL.canParse(s), 'must be a Postgres URL such as postgres://user:password@host:5432/database')),
    default: undefined,
    defaultText: '(PGlite in `FANSHOP_DATA_DIR`)',
    runtime: 'node',
    doc: 'a Postgres server for likes, orders and stock, which several processes or machines may share; the same tables and migrations as the embedded PGlite',
  }),
  PORT: setting({ schema: whole(0, 65_535, 'from 0 to 65535'), default: '8787', runtime: 'node', doc: 'the port the Node server listens on' }),
  HOST: setting({ schema: v.pipe(v.string(), v.minLength(1)), default: '0.0.0.0', runtime: 'node', doc: 'the address the Node server listens on' }),
  NODE_ENV: setting({
    schema: v.string(),
    default: undefined,
    runtime: 'node',
    doc: '`production`: refuse to start without `STRIPE_SECRET_KEY` instead of running the local test-mode Stripe',
  }),
  META_PIXEL_ID: setting({ schema: prefixed(/^\d{1,20}$/, 'a Meta Pixel (dataset) id: digits only'), default: undefined, runtime: 'both', doc: 'with `META_CAPI_TOKEN`: paid orders go to Meta\'s Conversions API as Purchase' }),
  META_CAPI_TOKEN: setting({ schema: v.pipe(v.string(), v.minLength(1)), default: undefined, runtime: 'both', doc: 'a Conversions API access token from Events Manager' }),
  META_TEST_EVENT_CODE: setting({ schema: prefixed(/^\w{1,40}$/, 'an Events Manager test event code such as TEST12345'), default: undefined, runtime: 'both', doc: 'send Conversions API events as test events' }),
  META_GRAPH_API_BASE: setting({ schema: absoluteUrl('an absolute http(s) URL'), default: undefined, defaultText: '`https://graph.facebook.com`', runtime: 'both', doc: 'tests only: a stand-in for the Graph API' }),
  FB_APP_SECRET: setting({
    schema: v.pipe(v.string(), v.minLength(1)),
    default: undefined,
    runtime: 'both',
    doc: 'the Facebook app secret that signs Page tab requests; without it `/facebook/tab` refuses POSTs',
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;

/** The parsed value of each variable; `undefined` where unset and without a default. */
export type Settings = {
  readonly [K in SettingName]: (typeof SETTINGS)[K]['default'] extends string
    ? v.InferOutput<(typeof SETTINGS)[K]['schema']>
    : v.InferOutput<(typeof SETTINGS)[K]['schema']> | undefined;
};

/** A variable as a Worker's `env` or Node's `process.env` holds it (wrangler `vars` may be numbers or booleans). */
export type EnvValue = string | number | boolean | undefined | null | object;

export type SettingsResult =
  | { readonly ok: true; readonly settings: Settings; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[]; readonly warnings: readonly string[] };

/** The variables of one runtime, each parsed by its own schema in one valibot object schema. */
function schemaFor(runtime: 'node' | 'workers') {
  const entries = Object.entries(SETTINGS).filter(([, s]) => s.runtime === 'both' || s.runtime === runtime);
  return v.object(Object.fromEntries(entries.map(([name, s]) => [name, s.default === undefined ? v.optional(s.schema) : v.optional(s.schema, s.default)])));
}
const schemas = { node: schemaFor('node'), workers: schemaFor('workers') };

/**
 * The server's settings from its environment. An unset or empty variable takes its default;
 * a bad one is an error naming the variable, its value (secrets shown as set, never their text)
 * and what it must be. Variables of the other runtime are ignored, with a warning.
 *
 * @example
 * const result = configFromEnv(process.env, 'node');
 * if (!result.ok) { console.error(result.errors.join('\n')); process.exit(1); }
 */
export function configFromEnv(vars: Readonly<Record<string, EnvValue>>, runtime: 'node' | 'workers'): SettingsResult {
  const input: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [name, s] of Object.entries(SETTINGS)) {
    const raw = vars[name];
    if (raw === undefined || raw === null || typeof raw === 'object') continue;
    const text = String(raw).trim();
    if (text === '') continue;
    if (s.runtime !== 'both' && s.runtime !== runtime) {
      if (name !== 'NODE_ENV' && name !== 'PORT' && name !== 'HOST') warnings.push(`[fanshop] ${name} is read on ${s.runtime === 'node' ? 'Node' : 'Cloudflare Workers'} only; it is ignored here`);
      continue;
    }
    input[name] = text;
  }
  const parsed = v.safeParse(schemas[runtime], input);
  if (!parsed.success) {
    const errors = new Map<string, string>();
    for (const issue of parsed.issues) {
      const name = String(issue.path?.[0]?.key ?? '');
      if (!errors.has(name)) errors.set(name, `[fanshop] ${name}=${shown(name, input[name])} ${issue.message}`);
    }
    return { ok: false, errors: [...errors.values()], warnings };
  }
  const settings = parsed.output as unknown as Settings;
  if (!!settings.META_PIXEL_ID !== !!settings.META_CAPI_TOKEN) {
    warnings.push(`[fanshop] the Conversions API needs both META_PIXEL_ID and META_CAPI_TOKEN; ${settings.META_PIXEL_ID ? 'META_CAPI_TOKEN' : 'META_PIXEL_ID'} is not set, so no purchases are sent to Meta`);
  }
  if (settings.FANSHOP_CHECKOUT_UI === 'embedded' && settings.STRIPE_SECRET_KEY && !settings.STRIPE_PUBLISHABLE_KEY) {
    warnings.push('[fanshop] FANSHOP_CHECKOUT_UI=embedded needs STRIPE_PUBLISHABLE_KEY (pk_…); using Stripe’s hosted page');
  }
  if (settings.STRIPE_SECRET_KEY && !settings.FANSHOP_REVIEW_SECRET) {
    warnings.push(
      '[fanshop] FANSHOP_REVIEW_SECRET is not set: orders get no review link and no review can be written (POST /api/reviews answers 503). Set it to 32 or more random characters (openssl rand -base64 32) and keep it',
    );
  }
  return { ok: true, settings, warnings };
}

/** A value for a message: secrets only as "(set)", so logs never hold them. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return '(unset)';
  return /SECRET|TOKEN|PASSWORD/.test(name) ? '(a value, not shown)' : JSON.stringify(value);
}

/** Thrown by a runtime entry that cannot start with its settings; the message says what to set. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}
