/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records, a
 * field in double quotes when it holds a comma, a quote, CR or LF, and quotes inside doubled.
 * Meta's feed reader asks for quotes around fields with whitespace too
 * (https://developers.facebook.com/docs/marketing-api/catalog/reference#feed-format), which
 * RFC 4180 allows for any field, so those are quoted as well.
 * @example csvRow(['a', 'b, c', 'say "hi"']) // 'a,"b, c","say ""hi"""'
 */
export function csvField(value: string): string {
  return /[",\r\n\s]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** A whole file: a header row, then one record per row, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${csvRow(row)}\r\n`).join('');
}
