import { parseCatalog } from '../../core/catalog/parse';
import type { Catalog, CatalogParseResult } from '../../core/catalog/types';
import { sha256Hex } from '../hash';

/** Reads the catalog's JSON text; one implementation per runtime (a file on Node, an asset on Workers). */
export interface CatalogSource {
  read(): Promise<string>;
  /** Something that changes when the catalog does (a file's mtime and size); lets the loader skip reading. */
  version?(): Promise<string>;
}

export interface LoadedCatalog {
  /** The merchant's file as written. */
  readonly text: string;
  /** Hash of the text, for ETags. */
  readonly etag: string;
  /** The parse of it, or why it could not be parsed (`JSON` problems included). */
  readonly result: CatalogParseResult;
}

/**
 * The server's one parse of the catalog (docs/architecture.md: parse once, at the edge): parsed again only
 * when the catalog has changed, so an edited file is live as soon as its source notices. With
 * `version()` (a file's mtime, checked once a second: catalog/file.ts) an unchanged catalog is
 * not even read; without it, the text is read and compared.
 */
export function catalogLoader(source: CatalogSource): () => Promise<LoadedCatalog> {
  let last: LoadedCatalog | undefined;
  let lastVersion: string | undefined;
  return async () => {
    const version = source.version ? await source.version() : undefined;
    if (last && version !== undefined && version === lastVersion) return last;
    lastVersion = version;
    const text = await source.read();
    if (last && last.text === text) return last;
    let json: unknown;
    let result: CatalogParseResult;
    try {
      json = JSON.parse(text);
      result = parseCatalog(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result = { ok: false, errors: [{ path: '', message: `is not valid JSON: ${reason}` }], warnings: [] };
    }
    if (!result.ok) console.error(`[fanshop] the catalog has ${result.errors.length} problem(s); run: npx fanshop validate <file>`);
    last = { text, etag: `"${await sha256Hex(text, 12)}"`, result };
    return last;
  };
}

/**
 * The parsed catalog, or null when it cannot be read (logged) or has problems (the loader has
 * logged them): what routes that price or show products work from.
 */
export async function parsedCatalog(load: () => Promise<LoadedCatalog>): Promise<Catalog | null> {
  try {
    const { result } = await load();
    return result.ok ? result.catalog : null;
  } catch (error) {
    console.error('[fanshop] cannot read the catalog:', error);
    return null;
  }
}
