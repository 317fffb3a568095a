import { parseCatalog } from '../core/catalog/parse';
import type { CatalogParseResult, CatalogProblem } from '../core/catalog/types';

/**
 * The check `fanshop validate` makes, for every command that reads or writes a catalog
 * (`validate`, `import`): the parse, and one line per problem (✖) and warning (⚠) with its JSON path.
 */
export function checkCatalog(value: unknown, source: string): { result: CatalogParseResult; lines: string } {
  const result = parseCatalog(value);
  const line = (mark: string) => (problem: CatalogProblem) => `${mark} ${problem.path || source}: ${problem.message}\n`;
  const errors = result.ok ? [] : result.errors;
  return { result, lines: [...errors.map(line('✖')), ...result.warnings.map(line('⚠'))].join('') };
}
