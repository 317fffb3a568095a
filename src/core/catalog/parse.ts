import type { CatalogParseResult } from './types';
import { parseSafely } from './parse-core';
import { findCatalogWarnings } from './warnings';

export { formatProblems } from './format-problems';

/**
 * Checks an untrusted catalog (already `JSON.parse`d) and returns the catalog or every problem
 * found, each with a JSON path and a sentence for the merchant. Unknown fields are warnings.
 * @example
 * const result = parseCatalog(await response.json());
 * if (!result.ok) console.error(`[fanshop] catalog.json\n${formatProblems(result.errors)}`);
 */
export function parseCatalog(input: unknown): CatalogParseResult {
  return parseSafely(input, findCatalogWarnings);
}
