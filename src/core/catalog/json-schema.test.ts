import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from './json-schema';

interface Node {
  type?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  additionalProperties?: Node;
  anyOf?: Node[];
  enum?: unknown[];
}

const typeOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;

/**
 * Where a value breaks the schema's key shape: types, required keys, unknown keys, enums.
 * Enough to catch a schema that drifted from the catalog format, without a validator dependency.
 */
function shapeErrors(schema: Node, value: unknown, path = '$'): string[] {
  if (schema.anyOf) {
    const options = schema.anyOf.map((option) => shapeErrors(option, value, path));
    return options.some((errors) => errors.length === 0) ? [] : options.flat();
  }
  const actual = typeOf(value);
  if (schema.type && schema.type !== actual && !(schema.type === 'number' && actual === 'integer')) {
    return [`${path}: expected ${schema.type}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${String(value)} is not in the enum`];
  if (actual === 'array' && schema.items) {
    return (value as unknown[]).flatMap((item, i) => shapeErrors(schema.items as Node, item, `${path}[${i}]`));
  }
  if (actual !== 'object') return [];
  const record = value as Record<string, unknown>;
  const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
  return missing.concat(
    Object.entries(record).flatMap(([key, item]) => {
      const child = schema.properties?.[key] ?? schema.additionalProperties;
      return child ? shapeErrors(child, item, `${path}.${key}`) : [`${path}.${key}: unknown key`];
    }),
  );
}

const schema = catalogJsonSchema() as Node & Record<string, unknown>;
const product = schema.properties?.products?.items as Node;
const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));
const demoPath = fileURLToPath(new URL('../../../public/catalog.json', import.meta.url));

describe('catalogJsonSchema', () => {
  it('is a draft-07 schema with a title and no $id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Fanshop catalog');
    expect(schema).not.toHaveProperty('$id');
    expect(schema.required).toEqual(['shop', 'products']);
  });

  it('describes products whose price is a non-negative integer', () => {
    expect(schema.properties?.products?.type).toBe('array');
    expect(product.properties?.price).toMatchObject({ type: 'integer', minimum: 0 });
    expect(product.required).toEqual(['id', 'title', 'price']);
  });

  it('allows a "$schema" string at the top level', () => {
    expect(schema.properties?.$schema).toEqual({ type: 'string' });
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('matches the key shape of the minimal fixture', () => {
    expect(shapeErrors(schema, readJson('./fixtures/minimal.json'))).toEqual([]);
  });

  it('rejects a misspelled field in the key-shape check, so the check above can fail', () => {
    expect(shapeErrors(schema, { shop: {}, products: [{ prize: 1 }] })).toContain('$.products[0].prize: unknown key');
  });

  it.skipIf(!existsSync(demoPath))('matches the key shape of the demo catalog', () => {
    expect(shapeErrors(schema, readJson('../../../public/catalog.json'))).toEqual([]);
  });
});
