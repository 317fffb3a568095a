/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation, the
 * format Rack parses and every Stripe SDK writes (stripe-node: `stringifyRequestData` in
 * `stripe/esm/utils.js`; https://docs.stripe.com/api says the API "accepts form-encoded request
 * bodies"). Query strings of GET requests use the same encoding.
 *
 *   line_items[0][price_data][currency]=eur&metadata[order]=42&expand[]=line_items
 *   -> { line_items: [{ price_data: { currency: 'eur' } }], metadata: { order: '42' }, expand: ['line_items'] }
 *
 * Leaves are always strings; what they mean (integer, boolean, enum) is params.ts's business.
 * Hashes whose keys are exactly 0..n-1 become arrays; numeric keys with gaps are refused because
 * an SDK that skips an `undefined` array element (stripe-node does) would otherwise silently
 * shift every later line item. `metadata` stays a hash even when its keys look numeric, since
 * `metadata[0]=x` is a valid key named "0".
 */

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** Why a body could not be read, and where (a bracketed param path like `line_items[2]`). */
export interface FormProblem {
  kind: 'malformed_key' | 'invalid_array' | 'conflict' | 'encoding' | 'too_large';
  param: string;
  message: string;
}

export type FormResult = { ok: true; value: FormObject } | { ok: false; problem: FormProblem };

export interface FormOptions {
  /** Keys whose hashes are free-form maps, never arrays. Default: `metadata`. */
  mapKeys?: ReadonlySet<string>;
}

/** Deeper than any Stripe parameter (`line_items[0][price_data][product_data][images][0]` is 6). */
const MAX_DEPTH = 16;
/** Far above Stripe's own limits (100 line items, 50 metadata keys) and far below a DoS. */
const MAX_PAIRS = 5000;
const DEFAULT_MAP_KEYS: ReadonlySet<string> = new Set(['metadata']);

type Node = { leaf: string } | { children: Map<string, Node>; appended: boolean };

/**
 * Parses a form body or query string into nested objects and arrays.
 * @example parseForm('line_items[0][quantity]=2&mode=payment')
 * // { ok: true, value: { line_items: [{ quantity: '2' }], mode: 'payment' } }
 */
export function parseForm(body: string, options: FormOptions = {}): FormResult {
  const mapKeys = options.mapKeys ?? DEFAULT_MAP_KEYS;
  const root: Node = { children: new Map(), appended: false };
  const pairs = body === '' ? [] : body.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_PAIRS) {
    return fail('too_large', '', `Too many parameters: ${pairs.length} (at most ${MAX_PAIRS})`);
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    if (key === null || value === null) {
      return fail('encoding', key ?? rawKey, `Invalid %-encoding in parameter ${key ?? rawKey}`);
    }
    const path = splitKey(key);
    if (!path) {
      return fail('malformed_key', key, `Malformed parameter name: ${key}. Nest with balanced brackets, e.g. line_items[0][quantity].`);
    }
    if (path.length > MAX_DEPTH) return fail('too_large', key, `Parameter ${key} is nested too deeply`);
    const problem = insert(root, path, value, key);
    if (problem) return { ok: false, problem };
  }
  const built = build(root, [], mapKeys);
  if ('problem' in built) return { ok: false, problem: built.problem };
  return { ok: true, value: built.value as FormObject };
}

/** `a[b][0][]` -> ['a', 'b', '0', ''] ('' means "append"); null when brackets do not balance. */
function splitKey(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return null;
  const [, head, rest] = match as unknown as [string, string, string];
  const segments = [head];
  for (const m of rest.matchAll(/\[([^[\]]*)\]/g)) segments.push(m[1] ?? '');
  // `[]` appends a scalar (`expand[]=line_items`, as in Stripe's curl examples). Rack's rules
  // for `a[][b]` merge into "the last element" and surprise everyone; Stripe's SDKs never send
  // it, so ask for explicit indices instead.
  if (segments.slice(0, -1).includes('')) return null;
  return segments;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function insert(root: Node, path: string[], value: string, key: string): FormProblem | null {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if ('leaf' in node) return conflict(path, i, key);
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (segment === '') {
      // Append: only allowed when every sibling was appended too.
      if (node.children.size > 0 && !node.appended) return conflict(path, i, key);
      node.appended = true;
      node.children.set(String(node.children.size), { leaf: value });
      return null;
    }
    if (node.appended) return conflict(path, i, key);
    const existing = node.children.get(segment);
    if (last) {
      // Rack keeps the last of repeated scalar keys (`a=1&a=2` -> '2'); a scalar over a hash is a conflict.
      if (existing && !('leaf' in existing)) return conflict(path, i + 1, key);
      node.children.set(segment, { leaf: value });
      return null;
    }
    if (!existing) {
      const child: Node = { children: new Map(), appended: false };
      node.children.set(segment, child);
      node = child;
    } else {
      node = existing;
    }
  }
  return null;
}

function build(node: Node, path: string[], mapKeys: ReadonlySet<string>): { value: FormValue } | { problem: FormProblem } {
  if ('leaf' in node) return { value: node.leaf };
  const entries: [string, FormValue][] = [];
  for (const [key, child] of node.children) {
    const built = build(child, [...path, key], mapKeys);
    if ('problem' in built) return built;
    entries.push([key, built.value]);
  }
  const isMap = path.length > 0 && mapKeys.has(path[path.length - 1]!);
  const numeric = entries.length > 0 && entries.every(([key]) => /^(0|[1-9]\d{0,5})$/.test(key));
  if (!isMap && numeric) {
    const indices = entries.map(([key]) => Number(key)).sort((a, b) => a - b);
    if (indices.some((index, position) => index !== position)) {
      return {
        problem: {
          kind: 'invalid_array',
          param: bracketPath(path),
          message: `Invalid array: the indices of ${bracketPath(path)} must run 0, 1, 2, ... without gaps (got ${indices.join(', ')})`,
        },
      };
    }
    const array: FormValue[] = [];
    for (const [key, value] of entries) array[Number(key)] = value;
    return { value: array };
  }
  // Object.fromEntries defines own properties, so `__proto__` is a plain (unknown) key here.
  return { value: Object.fromEntries(entries) };
}

/** ['line_items', 0, 'quantity'] -> 'line_items[0][quantity]', the way Stripe names params. */
export function bracketPath(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  return head === undefined ? '' : `${head}${rest.map((segment) => `[${segment}]`).join('')}`;
}

function conflict(path: string[], depth: number, key: string): FormProblem {
  const where = bracketPath(path.slice(0, Math.max(depth, 1)));
  return {
    kind: 'conflict',
    param: where,
    message: `Invalid parameter ${key}: ${where} is used both as a value and as a hash or array`,
  };
}

function fail(kind: FormProblem['kind'], param: string, message: string): FormResult {
  return { ok: false, problem: { kind, param, message } };
}
