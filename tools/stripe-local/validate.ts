import * as v from 'valibot';
import { invalid, type ApiFailure, type StripeErrorCode } from './errors';
import { EMPTY_MESSAGE } from './fields';
import { bracketPath, type FormObject } from './form';

/**
 * Turns valibot's verdict on a parsed form into Stripe's: one error, named by its bracketed
 * param path, with Stripe's code and wording. fields.ts puts the code in an issue's `expected`
 * and may write `{param}` in its message; structural issues (unknown, missing, wrong shape)
 * come from valibot itself and are worded here.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** Runs a schema over a parsed form and turns the first problem into Stripe's error. */
export function parseParams<S extends v.GenericSchema<unknown, unknown>>(schema: S, form: FormObject): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, form);
  return result.success ? { ok: true, value: result.output } : { ok: false, failure: issueToFailure(schema, result.issues) };
}

/**
 * Stripe reports one problem per request; unknown parameters win, since they usually explain
 * the rest (a misspelt key leaves its intended parameter missing). Valibot stops at the first
 * unknown key of an object, while Stripe names them all: "Received unknown parameters: a, b".
 */
function issueToFailure(schema: v.GenericSchema<unknown, unknown>, issues: readonly v.BaseIssue<unknown>[]): ApiFailure {
  const keysOf = (issue: v.BaseIssue<unknown>) => issue.path?.map((item) => item.key as string | number) ?? [];
  const unknown = issues.filter((issue) => issue.type === 'strict_object' && issue.expected === 'never');
  if (unknown.length > 0) {
    const names = unknown.flatMap((issue) => {
      const path = keysOf(issue);
      const parent = issue.path!.at(-1)!.input;
      const known = entriesAt(schema, path.slice(0, -1));
      const extra = known && parent && typeof parent === 'object' ? Object.keys(parent).filter((key) => !(key in known)) : [path.at(-1)!];
      return extra.map((key) => bracketPath([...path.slice(0, -1), key]));
    });
    const message = names.length === 1 ? `Received unknown parameter: ${names[0]}` : `Received unknown parameters: ${names.join(', ')}`;
    return invalid({ code: 'parameter_unknown', param: names[0]!, message });
  }
  const issue = issues[0]!;
  const param = bracketPath(keysOf(issue));
  if (issue.type === 'strict_object' && issue.received === 'undefined') {
    return invalid({ code: 'parameter_missing', param, message: `Missing required param: ${param}.` });
  }
  if (issue.type === 'strict_object' || issue.type === 'array') {
    if (issue.received === '""') {
      return invalid({ code: 'parameter_invalid_empty', param, message: EMPTY_MESSAGE.replaceAll('{param}', param) });
    }
    return invalid({ param, message: issue.type === 'array' ? 'Invalid array' : 'Invalid object' });
  }
  const code = issue.type === 'raw_transform' && issue.expected ? (issue.expected as StripeErrorCode) : undefined;
  return invalid({ ...(code ? { code } : {}), param, message: issue.message.replaceAll('{param}', param) });
}

/** The entries of the object schema found by following `path` (through optional, pipe and array). */
function entriesAt(schema: unknown, path: readonly (string | number)[]): Record<string, unknown> | null {
  type Node = { wrapped?: unknown; entries?: Record<string, unknown>; item?: unknown };
  let node = schema as Node | undefined;
  for (const key of [...path, null]) {
    while (node?.wrapped) node = node.wrapped as Node;
    if (key === null) break;
    node = (typeof key === 'number' ? node?.item : node?.entries?.[key]) as Node | undefined;
  }
  return node?.entries ?? null;
}
