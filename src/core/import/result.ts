import type { CatalogFile } from '../catalog/schema';
import type { ImportCounts } from './assemble';
import type { ImportProblem } from './draft';

/** What an import gives the CLI (and later the studio): the catalog, and every row it left out. */
export interface ImportResult {
  /** Undefined when the file could not be read at all or no product could be imported. */
  readonly catalog: CatalogFile | undefined;
  /** In the order of the file's lines; line 0 is about the file as a whole. */
  readonly problems: readonly ImportProblem[];
  readonly counts: ImportCounts & { readonly skippedRows: number };
}

export function finish(assembled: { catalog: CatalogFile; counts: ImportCounts } | undefined, problems: ImportProblem[], skippedRows: number): ImportResult {
  const empty = { products: 0, variants: 0, images: 0, categories: 0 };
  const counts = { ...(assembled?.counts ?? empty), skippedRows };
  const catalog = assembled && assembled.catalog.products.length ? assembled.catalog : undefined;
  return { catalog, problems: [...problems].sort((a, b) => a.line - b.line), counts };
}
