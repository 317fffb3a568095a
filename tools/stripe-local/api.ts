import { Hono, type Context } from 'hono';
import { authenticationFailure, invalid, noSuch, stripeError, type ApiFailure } from './errors';
import { parseForm, type FormObject } from './form';
import { newId } from './ids';
import { API_VERSION, lineItemList, newCheckoutSession, newLineItems, type WireLineItem, type WireSession } from './objects';
import { listLineItemsSchema, parseCreateSession, retrieveSchema, type LocalPrice } from './params';
import { parseParams, type Parsed } from './validate';
import { fingerprint, type IdempotencyStore, type SessionStore } from './store';

/**
 * The `/v1` API as stripe-node calls it: Bearer auth, form bodies, JSON answers with Stripe's
 * headers (`Request-Id`, `Stripe-Version`, `Idempotent-Replayed`). Only the Checkout Session
 * endpoints Fanshop uses exist; every other URL gets Stripe's "Unrecognized request URL".
 */

export interface ApiDeps {
  /** The one key this API answers (made at start): only the shop's own server knows it. */
  secretKey: string;
  sessions: SessionStore;
  idempotency: IdempotencyStore;
  prices: ReadonlyMap<string, LocalPrice>;
  publicUrl: string;
  now: () => number;
}

type Env = { Variables: { requestId: string; apiVersion: string } };

/** Stripe's bodies are small; this only keeps a runaway client from filling memory. */
const MAX_BODY_BYTES = 1024 * 1024;
/** The first version with today's `ui_mode` names; older ones mean other rules this stand-in does not know. */
const OLDEST_VERSION = '2026-03-25';

export function apiRoutes(deps: ApiDeps): Hono<Env> {
  const api = new Hono<Env>();

  api.use('/v1/*', async (c, next) => {
    c.set('requestId', newId.request());
    const version = c.req.header('Stripe-Version');
    c.set('apiVersion', version ?? API_VERSION);
    const key = apiKey(c.req.header('Authorization'));
    if (!key || !sameKey(key, deps.secretKey)) return fail(c, authenticationFailure(key));
    if (version !== undefined && !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version)) {
      return fail(c, invalid({ message: `Invalid Stripe API version: ${version}` }));
    }
    if (version !== undefined && version.slice(0, 10) < OLDEST_VERSION) {
      return fail(c, invalid({ message: `The local test-mode Stripe speaks API versions from ${OLDEST_VERSION}.dahlia on (stripe-node 22+); this request asked for ${version}.` }));
    }
    await next();
  });

  api.post('/v1/checkout/sessions', async (c) => {
    const read = await readForm(c);
    if (!read.ok) return fail(c, read.failure);
    return idempotent(c, deps.idempotency, '/v1/checkout/sessions', read.value, () => {
      const created = Math.floor(deps.now() / 1000);
      const parsed = parseCreateSession(read.value, deps.prices, created);
      if (!parsed.ok) return parsed;
      const session = newCheckoutSession({ params: parsed.value, created, publicUrl: deps.publicUrl });
      const lineItems = newLineItems(parsed.value.lines, created);
      deps.sessions.add(session, lineItems, parsed.value.lines);
      return { ok: true, value: json(parsed.value.expand.includes('line_items') ? withLineItems(session, lineItems) : session) };
    });
  });

  api.get('/v1/checkout/sessions/:id', (c) => {
    const form = queryForm(c);
    if (!form.ok) return fail(c, form.failure);
    const query = parseParams(retrieveSchema, form.value);
    if (!query.ok) return fail(c, query.failure);
    const stored = deps.sessions.get(c.req.param('id'));
    if (!stored) return fail(c, noSuch('checkout.session', c.req.param('id'), 'session'));
    const expand = query.value.expand ?? [];
    const bad = badExpand(expand);
    if (bad) return fail(c, bad);
    return respond(c, 200, json(expand.length ? withLineItems(stored.session, stored.lineItems) : stored.session));
  });

  /**
   * Expires an open session, as a shop does to give its stock back early; any other status is
   * Stripe's 400. https://docs.stripe.com/api/checkout/sessions/expire
   */
  api.post('/v1/checkout/sessions/:id/expire', async (c) => {
    const read = await readForm(c);
    if (!read.ok) return fail(c, read.failure);
    const id = c.req.param('id');
    return idempotent(c, deps.idempotency, `/v1/checkout/sessions/${id}/expire`, read.value, () => {
      const params = parseParams(retrieveSchema, read.value);
      if (!params.ok) return params;
      const expand = params.value.expand ?? [];
      const bad = badExpand(expand);
      if (bad) return failed(bad);
      const stored = deps.sessions.get(id);
      if (!stored) return failed(noSuch('checkout.session', id, 'session'));
      const { status } = stored.session;
      if (status !== 'open') return failed(invalid({ message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${status}\`.` }));
      const session = deps.sessions.expire(id, { id: c.get('requestId'), idempotency_key: c.req.header('Idempotency-Key') ?? null })!;
      return { ok: true, value: json(expand.length ? withLineItems(session, stored.lineItems) : session) };
    });
  });

  api.get('/v1/checkout/sessions/:id/line_items', (c) => {
    const form = queryForm(c);
    if (!form.ok) return fail(c, form.failure);
    const query = parseParams(listLineItemsSchema, form.value);
    if (!query.ok) return fail(c, query.failure);
    const stored = deps.sessions.get(c.req.param('id'));
    if (!stored) return fail(c, noSuch('checkout.session', c.req.param('id'), 'session'));
    const list = lineItemList(stored.session.id, stored.lineItems, query.value);
    if ('missingCursor' in list) return fail(c, noSuch('item', list.missingCursor, 'starting_after'));
    return respond(c, 200, json(list));
  });

  api.all('/v1/*', (c) =>
    fail(c, {
      status: 404,
      error: stripeError({
        message: `Unrecognized request URL (${c.req.method}: ${new URL(c.req.url).pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      }),
    }),
  );

  return api;
}

/**
 * Runs a POST under Stripe's idempotency rules (see IdempotencyStore): with a key seen before,
 * the first answer again or an idempotency_error; otherwise `run`, whose success is kept for
 * the key. https://docs.stripe.com/api/idempotent_requests
 */
function idempotent(c: Context<Env>, store: IdempotencyStore, endpoint: string, form: FormObject, run: () => Parsed<string>): Response {
  const key = c.req.header('Idempotency-Key');
  const print = fingerprint(form);
  if (key !== undefined) {
    if (key.length > 255) return fail(c, invalid({ message: 'Idempotency-Key must be at most 255 characters long.' }));
    const seen = store.check(key, endpoint, print);
    if (seen.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      c.header('Original-Request', seen.response.requestId);
      return respond(c, seen.response.status, seen.response.body);
    }
    if (seen.kind !== 'new') {
      const message =
        seen.kind === 'different_endpoint'
          ? `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${seen.firstEndpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`
          : `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;
      return fail(c, { status: 400, error: stripeError({ type: 'idempotency_error', message }) });
    }
  }
  const result = run();
  if (!result.ok) return fail(c, result.failure);
  if (key !== undefined) store.record(key, endpoint, print, { status: 200, body: result.value, requestId: c.get('requestId') });
  return respond(c, 200, result.value);
}

/** Only `line_items` can be expanded on a session. */
function badExpand(expand: readonly string[]): ApiFailure | null {
  const bad = expand.findIndex((path) => path !== 'line_items');
  return bad === -1 ? null : invalid({ param: `expand[${bad}]`, message: `This property cannot be expanded (${expand[bad]}).` });
}

/** Compares every character, so the time taken says nothing about how much of a key was right. */
function sameKey(given: string, expected: string): boolean {
  let differ = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) differ |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return differ === 0;
}

/** `Bearer sk_test_…`, or curl's `-u sk_test_…:` (Basic with the key as user name), as Stripe accepts both; any other scheme counts as no key. */
function apiKey(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, credentials = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return credentials;
  if (/^basic$/i.test(scheme ?? '')) {
    try {
      return atob(credentials).split(':')[0] ?? '';
    } catch {
      return '';
    }
  }
  return null;
}

async function readForm(c: Context<Env>): Promise<Parsed<FormObject>> {
  const type = (c.req.header('Content-Type') ?? 'application/x-www-form-urlencoded').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return failed(invalid({ message: `Invalid request: unsupported Content-Type ${type}. If error persists and you need assistance, please contact support@stripe.com.` }));
  }
  const tooLarge = failed({ status: 413, error: stripeError({ message: 'Request body too large.' }) });
  if (Number(c.req.header('Content-Length') ?? 0) > MAX_BODY_BYTES) return tooLarge;
  const text = await c.req.text();
  return text.length > MAX_BODY_BYTES ? tooLarge : formOrFailure(text);
}

const failed = (failure: ApiFailure): Parsed<never> => ({ ok: false, failure });

/** GET parameters travel in the query string, in the same encoding as bodies. */
const queryForm = (c: Context<Env>) => formOrFailure(new URL(c.req.url).search.slice(1));

function formOrFailure(text: string): Parsed<FormObject> {
  const result = parseForm(text);
  if (result.ok) return result;
  const { problem } = result;
  // A key Rack cannot split is, to Stripe, just a parameter nobody knows.
  if (problem.kind === 'malformed_key') return failed(invalid({ code: 'parameter_unknown', param: problem.param, message: `Received unknown parameter: ${problem.param}` }));
  return failed(invalid({ param: problem.param, message: problem.message }));
}

/** `expand[]=line_items`: the first page of line items inside the session. https://docs.stripe.com/expand */
function withLineItems(session: WireSession, items: readonly WireLineItem[]): WireSession {
  const list = lineItemList(session.id, items);
  return 'missingCursor' in list ? session : { ...session, line_items: list };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function respond(c: Context<Env>, status: number, body: string): Response {
  c.header('Request-Id', c.get('requestId'));
  c.header('Stripe-Version', c.get('apiVersion'));
  c.header('Cache-Control', 'no-cache, no-store');
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && c.req.method === 'POST') c.header('Idempotency-Key', key);
  return c.body(body, status as 200, { 'Content-Type': 'application/json' });
}

const fail = (c: Context<Env>, failure: ApiFailure) => respond(c, failure.status, json({ error: failure.error }));
