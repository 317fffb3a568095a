import { copyFile, rename, writeFile } from 'node:fs/promises';
import type { CatalogFileWriter } from './routes';

/**
 * Node only (node-server.ts): the studio saves a catalog over FANSHOP_CATALOG. The old file is
 * copied to `<file>.bak` first (as `fanshop import --out` keeps one), then the new one is
 * written beside it and renamed over it, so the server, which reads the file again when it
 * changes (catalog/file.ts), never reads half of one.
 */
export function catalogFileWriter(path: string): CatalogFileWriter {
  return {
    async save(text) {
      const backup = `${path}.bak`;
      const hadOne = await copyFile(path, backup).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      const temporary = `${path}.${crypto.randomUUID()}.tmp`;
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, path);
      return { backup: hadOne ? backup : null };
    },
  };
}
