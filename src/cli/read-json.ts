/**
 * Reads a JSON document from a local file or an http(s) URL for the CLI, turning every way
 * that can fail (missing file, network, HTTP status, broken JSON) into one sentence that
 * names the source, so a merchant never sees a stack trace (docs/architecture.md).
 */

export interface ReadIo {
  readFile(path: string): Promise<string>;
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

export type ReadResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const FETCH_TIMEOUT_MS = 20_000;

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const fileReasons: Record<string, string> = {
  ENOENT: 'the file does not exist',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

/** The text of a local file or an http(s) URL, or one sentence saying why it cannot be had. */
export async function readText(source: string, io: ReadIo): Promise<{ text: string } | { message: string }> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await io.fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
      const cause = (error as { cause?: unknown } | null)?.cause;
      const reason = errorCode(cause) ?? (error instanceof Error ? error.message : String(error));
      return { message: `cannot fetch ${source}: ${reason}` };
    }
    if (!response.ok) return { message: `cannot fetch ${source}: the server answered HTTP ${response.status} ${response.statusText}`.trimEnd() };
    return { text: await response.text() };
  }
  try {
    return { text: await io.readFile(source) };
  } catch (error) {
    const code = errorCode(error);
    const reason = (code && Object.hasOwn(fileReasons, code) ? fileReasons[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
    return { message: `cannot read ${source}: ${reason}` };
  }
}

/**
 * Whether `prefix` could still become valid JSON: it parses, or it fails only because it ended.
 * V8 reports errors at the end of the input at `position === length` (or as "end of JSON input").
 */
function isViablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)/.exec(message);
    return /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= prefix.length);
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON. Node 20 only sometimes
 * puts the position in the message ("Unexpected token '}', ... is not valid JSON" has none);
 * viable prefixes are prefix-closed, so a binary search finds the offset in O(log n) parses.
 * @example jsonErrorOffset('[1,]', error) // 3, the "]"
 */
export function jsonErrorOffset(text: string, error: unknown): number {
  const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (at) return Number(at[1]);
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (isViablePrefix(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * 1-based line and column of an offset, as editors count them.
 * @example lineAndColumn('{\n  "a": }', 9) // { line: 2, column: 8 }
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** V8's message without the position and the quoted snippet, which we replace with line and column. */
const shortReason = (message: string): string =>
  message
    .replace(/,\s*(?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');

/**
 * Reads and parses the JSON at a path or http(s) URL.
 * @example await readJson('catalog.json', io) // { ok: false, message: 'catalog.json is not valid JSON: ... at line 3, column 5' }
 */
export async function readJson(source: string, io: ReadIo): Promise<ReadResult> {
  const read = await readText(source, io);
  if ('message' in read) return { ok: false, message: read.message };
  // Editors on Windows like to start UTF-8 files with a byte order mark, which JSON.parse refuses.
  const text = read.text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, message: `${source} is empty` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text, error));
    const reason = shortReason(error instanceof Error ? error.message : String(error));
    return { ok: false, message: `${source} is not valid JSON: ${reason} at line ${line}, column ${column}` };
  }
}
