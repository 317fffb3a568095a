import type { CatalogProblem } from './types';
import { childPath } from './json-path';

/**
 * The parts of a valibot schema the walker needs. Reading them structurally keeps the walker
 * generic: it follows whatever `schema.ts` says instead of a second list of known fields.
 */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly item?: SchemaNode;
  readonly wrapped?: SchemaNode;
  readonly options?: readonly SchemaNode[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops optional/nullable wrappers. A piped schema keeps its own type and entries. */
function unwrap(schema: SchemaNode): SchemaNode {
  return schema.wrapped ? unwrap(schema.wrapped) : schema;
}

/**
 * Finds keys of the raw file that the schema does not know. `v.object` silently drops them,
 * which would hide a typo such as `"prize"`, so each one becomes a warning (not an error: the
 * catalog format promises that unknown fields are ignored).
 * @example unknownFields(catalogFileSchema, raw) // [{ path: 'products[2].prize', message: 'unknown field "prize" is ignored' }]
 */
export function unknownFields(schema: object, raw: unknown): CatalogProblem[] {
  const warnings: CatalogProblem[] = [];
  walk(schema as SchemaNode, raw, '', warnings);
  return warnings;
}

function walk(schema: SchemaNode, raw: unknown, path: string, out: CatalogProblem[]): void {
  const node = unwrap(schema);
  if (node.type === 'object' && node.entries && isPlainObject(raw)) {
    for (const key of Object.keys(raw)) {
      const keyPath = childPath(path, key);
      // hasOwn, not `in`: a key named "constructor" must not find Object.prototype's.
      if (Object.hasOwn(node.entries, key)) walk(node.entries[key] as SchemaNode, raw[key], keyPath, out);
      else out.push({ path: keyPath, message: `unknown field ${JSON.stringify(key)} is ignored` });
    }
  } else if (node.type === 'array' && node.item && Array.isArray(raw)) {
    raw.forEach((item, index) => walk(node.item as SchemaNode, item, childPath(path, index), out));
  } else if (node.type === 'union' && node.options) {
    // Only the option that has the raw value's shape can say which keys it knows.
    const match = node.options.find((option) => {
      const type = unwrap(option).type;
      return type === 'object' ? isPlainObject(raw) : type === 'array' && Array.isArray(raw);
    });
    if (match) walk(match, raw, path, out);
  }
}
