import { parse } from 'csv-parse/browser/esm/sync';

/**
 * A shop export's CSV as rows keyed by header, each with the physical line of the file its
 * record starts on, so a problem can say "line 14" even after descriptions with newlines.
 * Parsed by csv-parse (the csv project), whose browser build runs in Node, Workers and browsers alike.
 */

export interface CsvRow {
  /** The 1-based line of the file where this record starts. */
  readonly line: number;
  /** The trimmed cell under a header ('' when the column is missing or empty). */
  get(column: string): string;
}

export interface CsvTable {
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
  /** `,` or `;` (German Excel saves semicolons). */
  readonly delimiter: ',' | ';';
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

/** The delimiter of the header line: the one of `,` and `;` found more often outside quotes. */
function headerDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

interface Parsed {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The number of UTF-16 code units in the first `bytes` bytes of the text's UTF-8 form. */
function unitsInBytes(text: string, bytes: number): number {
  let units = 0;
  for (let read = 0; units < text.length && read < bytes; ) {
    const code = text.codePointAt(units)!;
    read += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    units += code > 0xffff ? 2 : 1;
  }
  return units;
}

/** csv-parse's error as a line and a sentence. */
function csvError(text: string, error: unknown): { line: number; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; lines?: unknown; bytes_records?: unknown };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED' && typeof e.bytes_records === 'number') {
    // csv-parse names the last line; the merchant needs the record whose quote opened.
    const done = unitsInBytes(text, e.bytes_records);
    const start = done + (/^\n*/.exec(text.slice(done))?.[0].length ?? 0);
    const line = (text.slice(0, start).match(/\n/g)?.length ?? 0) + 1;
    return { line, message: `the row on line ${line} opens a quote (") that is never closed, so the rest of the file cannot be read; a quote inside a field must be doubled ("")` };
  }
  const reason = error instanceof Error ? error.message.replace(/^[A-Z_]+:\s*/, '') : String(error);
  return { line: typeof e.lines === 'number' ? e.lines : 0, message: `the file is not readable as CSV: ${reason}` };
}

/**
 * Reads CSV text (a UTF-8 BOM, CRLF or LF, quoted fields with newlines and `""`).
 * `canonical` names a column as the importer knows it (a German export's "Name" stays, its
 * "Regulärer Preis" becomes "Regular price").
 * @example readCsv('Handle,Title\nmug,Mug\n') // { ok: true, table: { headers: ['Handle', 'Title'], rows: [line 2] } }
 */
export function readCsv(input: string, canonical: (header: string) => string = (header) => header): CsvRead {
  // One line ending, so csv-parse's line count is the file's (it counts a quoted CRLF twice).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = headerDelimiter(text);
  let records: Parsed[];
  try {
    records = parse(text, { delimiter, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Parsed[];
  } catch (error) {
    return { ok: false, ...csvError(text, error) };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, line: 1, message: 'the file is empty' };
  const headers = head.record.map((h) => canonical(h.trim()));
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const rows = body
    .filter((r) => r.record.some((cell) => cell.trim() !== ''))
    .map((r): CsvRow => {
      // info.lines is the line the record ends on; its raw text (less the empty lines skipped
      // before it and its own line ending) has as many newlines as it spans lines less one.
      const own = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
      const line = r.info.lines - (own.match(/\n/g)?.length ?? 0);
      return {
        line,
        get: (column) => {
          const i = index.get(column.toLowerCase());
          return i === undefined ? '' : (r.record[i] ?? '').trim();
        },
      };
    });
  return { ok: true, table: { headers, rows, delimiter } };
}

/** Whether the file has a column (header names compare without case). */
export const hasColumn = (table: CsvTable, column: string): boolean =>
  table.headers.some((h) => h.toLowerCase() === column.toLowerCase());
