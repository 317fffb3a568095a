import * as v from 'valibot';

/**
 * What Fanshop reads from a signed request. Facebook adds more (user_id, oauth_token, page, …);
 * they are not needed to show a shop and not kept.
 * https://developers.facebook.com/docs/reference/login/signed-request/
 */
export interface SignedRequestPayload {
  readonly algorithm: string;
  /** When Facebook signed it, in Unix seconds. */
  readonly issuedAt: number;
  /** The Page tab URL's `app_data` parameter, passed on by Facebook inside the signed request. */
  readonly appData: string | undefined;
  /** The viewer's Facebook locale, e.g. `de_DE`. */
  readonly locale: string | undefined;
}

export type SignedRequestResult = { readonly ok: true; readonly payload: SignedRequestPayload } | { readonly ok: false; readonly reason: string };

const Payload = v.looseObject({
  algorithm: v.string(),
  issued_at: v.pipe(v.number(), v.integer()),
  app_data: v.optional(v.string()),
  user: v.optional(v.looseObject({ locale: v.optional(v.string()) })),
});

/**
 * How long a signed request is good for. Facebook signs a new one each time it loads the tab,
 * so a real one arrives seconds old; an older one is a copy (from a log, a proxy, a page that
 * kept it), and refusing it after a day bounds what a leaked one can be replayed for. Facebook
 * documents no lifetime. A few minutes ahead is this server's clock being behind Facebook's;
 * further ahead is no request Facebook made.
 */
export const SIGNED_REQUEST_MAX_AGE_SECONDS = 24 * 60 * 60;
export const SIGNED_REQUEST_CLOCK_SKEW_SECONDS = 5 * 60;

/** Facebook sends no padding; a padded part is accepted all the same (the HMAC covers the text as sent). */
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Verifies a `signed_request` the way Facebook specifies it ("Parsing the Signed Request",
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/existing-system#parsingsr):
 * split it at the '.', base64url-decode the signature (first part) and the payload (second
 * part, JSON); the signature is HMAC-SHA256 of the payload *as encoded* with the app secret;
 * the payload's `algorithm` must be HMAC-SHA256 (Facebook's sample upper-cases it before
 * comparing, so the case is not significant).
 *
 * `issued_at` must be within a day before `now` (milliseconds, default the clock) and at most
 * five minutes after it.
 *
 * Unlike the sample, the signature is checked before the payload is decoded, with Web Crypto's
 * `verify`, which compares in constant time (no timing hints for forging a signature byte by
 * byte), and it runs the same on Node and on Workers. Never throws: anything wrong is a reason.
 *
 * @example
 * const result = await parseSignedRequest(form.signed_request, env.FB_APP_SECRET);
 * if (result.ok) console.log(result.payload.locale); // "de_DE"
 */
export async function parseSignedRequest(signedRequest: string, appSecret: string, now = Date.now()): Promise<SignedRequestResult> {
  const parts = signedRequest.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'it is not two base64url parts joined by "."' };
  const [encodedSignature = '', encodedPayload = ''] = parts;
  const signature = base64UrlDecode(encodedSignature);
  const payloadBytes = base64UrlDecode(encodedPayload);
  if (!signature || !payloadBytes) return { ok: false, reason: 'a part is not base64url' };

  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  if (!(await crypto.subtle.verify('HMAC', key, signature, encoder.encode(encodedPayload)))) {
    return { ok: false, reason: 'the signature does not match (a forged request, or FB_APP_SECRET is not this app’s secret)' };
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(payloadBytes));
  } catch {
    return { ok: false, reason: 'the payload is not JSON' };
  }
  const parsed = v.safeParse(Payload, json);
  if (!parsed.success) return { ok: false, reason: `the payload lacks a field or has one of the wrong type (${parsed.issues[0]?.path?.map((p) => p.key).join('.') || 'payload'})` };
  const { algorithm, issued_at, app_data, user } = parsed.output;
  if (algorithm.toUpperCase() !== 'HMAC-SHA256') return { ok: false, reason: `the algorithm is ${JSON.stringify(algorithm.slice(0, 40))}, not HMAC-SHA256` };
  const age = Math.floor(now / 1000) - issued_at;
  if (age > SIGNED_REQUEST_MAX_AGE_SECONDS) return { ok: false, reason: `it was issued more than a day ago (issued_at ${issued_at}), so it is a copy` };
  if (age < -SIGNED_REQUEST_CLOCK_SKEW_SECONDS) return { ok: false, reason: `it was issued ${-age} seconds in the future (issued_at ${issued_at}); is this server's clock right?` };
  return { ok: true, payload: { algorithm, issuedAt: issued_at, appData: app_data, locale: user?.locale } };
}

/** base64url (RFC 4648 §5) without padding, as Facebook sends it; undefined when it is not. */
function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}
