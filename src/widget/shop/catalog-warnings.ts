import { formatProblems } from '../../core/catalog/parse-core';
import { findCatalogWarnings } from '../../core/catalog/warnings';

/** Tells the merchant, in the console, about fields of their catalog that Fanshop ignores. */
export function warnAboutUnknownFields(json: unknown, url: string): void {
  const warnings = findCatalogWarnings(json);
  if (warnings.length) console.warn(`[fanshop] the catalog ${url} has fields Fanshop ignores:\n${formatProblems(warnings)}`);
}
