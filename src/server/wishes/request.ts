import * as v from 'valibot';
import type { ApiIssue } from '../../core/api/errors';
import { WISH_EMAIL_MAX } from '../../core/api/wishes';
import { normalizeEmail } from '../../core/api/wish-email';

export { normalizeEmail };

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
