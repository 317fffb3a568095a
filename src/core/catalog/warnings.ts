import type { CatalogProblem } from './types';
import { catalogFileSchema } from './schema';
import { unknownFields } from './unknown-fields';

/**
 * Unknown fields of a catalog file (a typo such as `"prize"`), each a warning with its JSON path.
 * @example findCatalogWarnings({ shop: {…}, products: [{ …, prize: 3 }] }) // [{ path: 'products[0].prize', … }]
 */
export function findCatalogWarnings(input: unknown): CatalogProblem[] {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? unknownFields(catalogFileSchema, input as Record<string, unknown>) : [];
}
