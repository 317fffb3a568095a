import { readFile, stat } from 'node:fs/promises';
import type { CatalogSource } from './source';

/**
 * The catalog as a file on disk (Node). Its version is the file's mtime and size, looked up at
 * most once per `recheckMs` and shared by the requests in between: a `stat` is a trip through
 * libuv's thread pool, and one per checkout was, under load, the longest tail of the server's own
 * time (`npm run bench`). So an edited file is live within `recheckMs` (default one second).
 * @example
 * createApp({ catalog: catalogFile('public/catalog.json') });
 */
export function catalogFile(path: string, options: { recheckMs?: number; now?: () => number } = {}): CatalogSource {
  const recheckMs = options.recheckMs ?? 1000;
  const now = options.now ?? Date.now;
  let checked: { at: number; version: Promise<string> } | undefined;
  return {
    read: () => readFile(path, 'utf8'),
    version: () => {
      const at = now();
      if (!checked || at - checked.at >= recheckMs) {
        checked = { at, version: stat(path).then((info) => `${info.mtimeMs}:${info.size}`) };
      }
      return checked.version;
    },
  };
}
