import { parseArgs } from 'node:util';
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

export interface CatalogCommandOptions {
  readonly catalog: string;
  readonly out: string | undefined;
  /** `--base-url`, checked, without a trailing slash. */
  readonly baseUrl: string | undefined;
  readonly locale: string | undefined;
}

/**
 * The options `fanshop pages` and `fanshop feed` share (`--catalog`, `--out`, `--base-url`,
 * `--locale`), or the exit code 2 after the usage or the problem is written.
 */
export function catalogCommandOptions(
  args: readonly string[],
  io: { stderr(text: string): void },
  usage: string,
  needsOut: boolean,
): CatalogCommandOptions | 2 {
  let values: { catalog?: string; out?: string; 'base-url'?: string; locale?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { catalog: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' }, locale: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (!values.catalog || (needsOut && !values.out)) {
    io.stderr(usage);
    return 2;
  }
  const base = values['base-url'] === undefined ? undefined : baseUrlOption(values['base-url']);
  if (base && !base.ok) {
    io.stderr(`${base.message}\n`);
    return 2;
  }
  return { catalog: values.catalog, out: values.out, baseUrl: base?.value, locale: values.locale };
}
