import type { CatalogProblem } from '../../core/catalog/types';
import { formatProblems } from '../../core/catalog/format-problems';

/**
 * What the console tells the merchant about a catalog that has problems or fields Fanshop
 * ignores (shop/load.ts): a chunk of its own, loaded only for such a catalog, since a shop whose
 * catalog is fine never says any of it, and its first view need not carry the words.
 */
export function logProblems(url: string, errors: readonly CatalogProblem[], warnings: readonly CatalogProblem[]): void {
  console.error(`[fanshop] the catalog ${url} has ${errors.length} problem(s):\n${formatProblems([...errors, ...warnings])}\nCheck it with: npx fanshop validate ${url}`);
}

export function warnIgnored(url: string, warnings: readonly CatalogProblem[]): void {
  console.warn(`[fanshop] the catalog ${url} has fields Fanshop ignores:\n${formatProblems(warnings)}`);
}
