import type { CatalogProblem } from './types';

/**
 * One line per problem, `path: message`; the root is shown as `(catalog)`.
 * @example formatProblems([{ path: 'products[0].price', message: 'is required' }]) // "products[0].price: is required"
 */
export function formatProblems(problems: readonly CatalogProblem[]): string {
  return problems.map((problem) => `${problem.path || '(catalog)'}: ${problem.message}`).join('\n');
}
