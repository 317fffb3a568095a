import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-rows';

const rows = (text: string) => {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.message);
  return read.table.rows.map((r) => ({ line: r.line, a: r.get('A'), b: r.get('b') }));
};

describe('readCsv', () => {
  it('gives each record the line it starts on, past quoted newlines and blank lines', () => {
    expect(rows('A,B\n1,"x\ny\nz"\n\n2,two\n3,"3"')).toEqual([
      { line: 2, a: '1', b: 'x\ny\nz' },
      { line: 6, a: '2', b: 'two' },
      { line: 7, a: '3', b: '3' },
    ]);
  });
  it('reads a BOM, CRLF line endings and doubled quotes', () => {
    expect(rows('\uFEFFA,B\r\n"say ""hi""","a\r\nb"\r\n2,\r\n')).toEqual([
      { line: 2, a: 'say "hi"', b: 'a\nb' },
      { line: 4, a: '2', b: '' },
    ]);
  });
  it('finds semicolons in the header line and reads by them', () => {
    const read = readCsv('A;B\n"1,5";Grün\n');
    expect(read.ok && read.table.delimiter).toBe(';');
    expect(rows('A;B\n"1,5";Grün\n')).toEqual([{ line: 2, a: '1,5', b: 'Grün' }]);
  });
  it('skips rows of only empty cells and reads missing columns as empty', () => {
    expect(rows('A,B,C\n,,\n1\n')).toEqual([{ line: 3, a: '1', b: '' }]);
  });
  it('says which row opens a quote that is never closed', () => {
    expect(readCsv('A,B\n1,"Grüße"\n\n3,"open\n4,5\n')).toEqual({
      ok: false,
      line: 4,
      message: 'the row on line 4 opens a quote (") that is never closed, so the rest of the file cannot be read; a quote inside a field must be doubled ("")',
    });
  });
  it('says where a quoted field goes on after its closing quote', () => {
    const read = readCsv('A,B\n1,2\n3,"x"y\n');
    expect(read.ok).toBe(false);
    expect(!read.ok && [read.line, read.message]).toEqual([3, expect.stringMatching(/^the file is not readable as CSV: Invalid Closing Quote: got "y" at line 3/)]);
  });
  it('says when the file is empty', () => {
    expect(readCsv('\uFEFF')).toEqual({ ok: false, line: 1, message: 'the file is empty' });
  });
});
