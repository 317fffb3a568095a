import * as v from 'valibot';
import type { CatalogParseResult, CatalogProblem } from './types';
import { catalogFileSchema, describeFound } from './schema';
import { checkConsistency } from './consistency';
import { joinPath } from './json-path';
import { normalizeCatalog } from './normalize';

/**
 * The edge where an untrusted catalog file becomes a `Catalog` (docs/architecture.md): shape
 * first, then the rules between fields, then domain types. It never throws, so a broken file
 * becomes a list of problems with JSON paths instead of a stack trace.
 */

type Issue = v.BaseIssue<unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pathKeys(issue: Issue): (string | number)[] {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
}

/**
 * One problem per valibot issue. A union (string-or-object text, string-or-object option
 * value) that no option matched carries every option's complaint; when the value was an
 * object, the object option's deeper issues say exactly which field is wrong, and the
 * string option's "must be a string" would only confuse. Otherwise the union's own
 * sentence names both accepted forms.
 */
function toProblems(issue: Issue, parent: string, out: CatalogProblem[]): void {
  const path = joinPath(parent, pathKeys(issue));
  const deeper = issue.type === 'union' ? (issue.issues ?? []).filter((sub) => sub.path?.length) : [];
  if (deeper.length) for (const sub of deeper) toProblems(sub, path, out);
  else out.push({ path, message: issue.message });
}

function parseUnchecked(input: unknown, findWarnings: (input: Record<string, unknown>) => CatalogProblem[]): CatalogParseResult {
  if (!isPlainObject(input)) {
    const message = `must be a JSON object with "shop" and "products", got ${describeFound(input)}`;
    return { ok: false, errors: [{ path: '', message }], warnings: [] };
  }
  const warnings = findWarnings(input);
  // abortPipeEarly: an empty id gets "must not be empty", not that plus its character rule.
  const result = v.safeParse(catalogFileSchema, input, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) {
    const errors: CatalogProblem[] = [];
    for (const issue of result.issues) toProblems(issue, '', errors);
    return { ok: false, errors, warnings };
  }
  const errors = checkConsistency(result.output);
  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, catalog: normalizeCatalog(result.output), warnings };
}

/** The parse with a choice of warnings finder (parse.ts passes the unknown-field walker). */
export function parseSafely(input: unknown, findWarnings: (input: Record<string, unknown>) => CatalogProblem[]): CatalogParseResult {
  try {
    return parseUnchecked(input, findWarnings);
  } catch (error) {
    // JSON.parse output cannot get here; a caller's exotic object (a throwing getter, a
    // Proxy) can, and must still get an answer rather than an exception.
    const reason = error instanceof Error ? error.message : 'unexpected value';
    return { ok: false, errors: [{ path: '', message: `could not be read: ${reason}` }], warnings: [] };
  }
}
