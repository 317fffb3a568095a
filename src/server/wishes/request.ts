import * as v from 'valibot';
import type { ApiIssue } from '../../core/api/errors';
import { WISH_EMAIL_MAX } from '../../core/api/wishes';

/** RFC 5322's dot-atom, with letters of any script (RFC 6531): `jürgen.fan+tour`. */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An email address as the shop keeps it, or undefined when it is not one a mailer could write
 * to: trimmed, at most 254 characters (RFC 5321's path limit), a local part of at most 64 kept
 * as written (it may be case-sensitive), and a domain in lower case, international names in
 * their ASCII form (`bücher.example` → `xn--bcher-kva.example`), with a dot and a top-level
 * name of letters. Quoted local parts and address literals (`[192.0.2.1]`) are refused: shoppers
 * do not use them and mailers handle them badly.
 * @example normalizeEmail(' Fan@Example.COM ') // "Fan@example.com"
 */
export function normalizeEmail(text: string): string | undefined {
  const email = text.trim().normalize('NFC');
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > WISH_EMAIL_MAX) return undefined;
  const local = email.slice(0, at);
  if ([...local].length > 64 || !LOCAL_PART.test(local)) return undefined;
  const written = email.slice(at + 1);
  // Letters, digits, dots and hyphens only, before the URL parser (which would take a port or a path) makes it ASCII.
  if (!/^[\p{L}\p{N}.-]+$/u.test(written)) return undefined;
  let domain: string;
  try {
    domain = new URL(`http://${written}`).hostname;
  } catch {
    return undefined;
  }
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(top)) return undefined;
  const normal = `${local}@${domain}`;
  return normal.length <= WISH_EMAIL_MAX ? normal : undefined;
}

const id = (what: string) => v.pipe(v.string(`must be a ${what} id`), v.minLength(1, `must be a ${what} id`), v.maxLength(100, `is too long to be a ${what} id`));

const WishBody = v.object({
  productId: id('product'),
  variantId: v.optional(v.nullable(id('variant')), null),
  email: v.pipe(v.string('must be an email address'), v.maxLength(WISH_EMAIL_MAX + 20, `must be at most ${WISH_EMAIL_MAX} characters`)),
  language: v.pipe(
    v.string('must be a language code such as "en" or "de-AT"'),
    v.maxLength(35, 'must be a language code such as "en" or "de-AT"'),
    v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{2,8})*$/, 'must be a language code such as "en" or "de-AT"'),
  ),
  consent: v.literal(true, 'must be true: the shopper agrees to one email when the product can be bought'),
});

export interface WishRequest {
  readonly productId: string;
  readonly variantId: string | null;
  readonly email: string;
  readonly language: string;
}

/** A "Notify me" body, or every reason it is not one (field path and message). */
export function parseWishRequest(json: unknown): { ok: true; request: WishRequest } | { ok: false; issues: ApiIssue[] } {
  const parsed = v.safeParse(WishBody, json, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, issues: parsed.issues.map((issue) => ({ path: issue.path?.map((p) => String(p.key)).join('.') || 'body', message: issue.message })) };
  const { output } = parsed;
  const email = normalizeEmail(output.email);
  if (!email) return { ok: false, issues: [{ path: 'email', message: 'must be an email address such as fan@example.com' }] };
  let language: string;
  try {
    language = Intl.getCanonicalLocales(output.language)[0] ?? output.language;
  } catch {
    return { ok: false, issues: [{ path: 'language', message: 'must be a language code such as "en" or "de-AT"' }] };
  }
  return { ok: true, request: { productId: output.productId, variantId: output.variantId, email, language } };
}
