import { parseCatalog } from '../core/catalog/parse';
import type { Catalog } from '../core/catalog/types';
import { readJson, type ReadIo } from './read-json';

/**
 * The catalog a command works from (a file or an http(s) URL), parsed as the server parses it.
 * Problems are written the way `fanshop validate` writes them, so a merchant fixes the file
 * and runs the command again.
 */
export async function readCatalog(source: string, io: ReadIo & { stderr(text: string): void }): Promise<Catalog | null> {
  const read = await readJson(source, io);
  if (!read.ok) {
    io.stderr(`✖ ${read.message}\n`);
    return null;
  }
  const result = parseCatalog(read.value);
  if (result.ok) return result.catalog;
  io.stderr(result.errors.map((problem) => `✖ ${problem.path || source}: ${problem.message}\n`).join(''));
  io.stderr(`${source} has problems; nothing was written. Check it with: fanshop validate ${source}\n`);
  return null;
}

/**
 * `--base-url`: an absolute http(s) URL, without a trailing slash; or an error sentence.
 * @example baseUrlOption('https://shop.example/') // { ok: true, value: 'https://shop.example' }
 */
export function baseUrlOption(value: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol) || /[?#]/.test(value)) {
    return { ok: false, message: `--base-url must be an absolute http(s) address such as https://shop.example.com, got "${value}"` };
  }
  return { ok: true, value: value.replace(/\/+$/, '') };
}
