import * as v from 'valibot';
import { REVIEW_NAME_MAX, REVIEW_TEXT_MAX, type ReviewRating } from '../../core/api/reviews';
import type { ApiIssue } from '../../core/api/errors';
import { MAX_TOKEN_LENGTH } from './token';

/**
 * A review's text as the shop keeps it: plain text, trimmed, line breaks as `\n` (at most one
 * empty line in a row), tabs as spaces, and no control or bidirectional-override characters
 * (which can make a text render other than it reads). Empty is null. HTML stays text: every
 * page and feed escapes it where it is put (Hono's html template, scriptJson, CSV quoting).
 * @example cleanText('  Great\r\n\r\n\r\nmug\u0007 ') // "Great\n\nmug"
 */
export function cleanText(text: string, options: { lines: boolean }): string | null {
  let clean = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // C0 and C1 controls but the line break; bidi embeddings, overrides and isolates.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
  clean = options.lines ? clean.replace(/[ \u00A0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n') : clean.replace(/\s+/g, ' ');
  clean = clean.trim();
  return clean === '' ? null : clean;
}

const cleaned = (max: number, lines: boolean, what: string) =>
  v.pipe(
    v.optional(v.nullable(v.string('must be a string or null')), null),
    v.transform((s) => (s === null ? null : cleanText(s, { lines }))),
    v.check((s) => s === null || [...s].length <= max, `${what} must be at most ${max} characters`),
  );

const ReviewBody = v.object({
  token: v.pipe(v.string('must be the review token'), v.minLength(1, 'must be the review token'), v.maxLength(MAX_TOKEN_LENGTH, 'is too long to be a review token')),
  productId: v.pipe(v.string('must be a product id'), v.minLength(1, 'must be a product id'), v.maxLength(100, 'is too long to be a product id')),
  rating: v.pipe(v.number('must be a whole number of stars from 1 to 5'), v.integer('must be a whole number of stars from 1 to 5'), v.minValue(1, 'must be at least 1 star'), v.maxValue(5, 'must be at most 5 stars')),
  text: cleaned(REVIEW_TEXT_MAX, true, 'the text'),
  name: cleaned(REVIEW_NAME_MAX, false, 'the name'),
  language: v.pipe(
    v.string('must be a language code such as "en" or "de-AT"'),
    v.maxLength(35, 'must be a language code such as "en" or "de-AT"'),
    v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{2,8})*$/, 'must be a language code such as "en" or "de-AT"'),
  ),
});

export interface ReviewRequest {
  readonly token: string;
  readonly productId: string;
  readonly rating: ReviewRating;
  readonly text: string | null;
  readonly name: string | null;
  readonly language: string;
}

/** A review request body, or every reason it is not one (field path and message). */
export function parseReviewRequest(json: unknown): { ok: true; request: ReviewRequest } | { ok: false; issues: ApiIssue[] } {
  const parsed = v.safeParse(ReviewBody, json);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => ({ path: issue.path?.map((p) => String(p.key)).join('.') || 'body', message: issue.message }));
    return { ok: false, issues };
  }
  const { output } = parsed;
  // One spelling of a language tag: `DE-at` is `de-AT`.
  let language: string;
  try {
    language = Intl.getCanonicalLocales(output.language)[0] ?? output.language;
  } catch {
    return { ok: false, issues: [{ path: 'language', message: 'must be a language code such as "en" or "de-AT"' }] };
  }
  return { ok: true, request: { ...output, rating: output.rating as ReviewRating, language } };
}
