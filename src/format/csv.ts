/** The byte-order mark that makes Excel read the file as UTF-8 (Thai, Khmer, Lao, Myanmar, Vietnamese). */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined;

/**
 * The one CSV dialect of every file lexgap writes: UTF-8 with a byte-order mark, RFC 4180 quoting and
 * CRLF line ends, a header row of snake_case names (a country's name is `country_name`); cells that a
 * spreadsheet would run as a formula are prefixed with ' (CSV injection).
 *
 * Built by appending to one string (V8 joins the pieces once, when the string is written): 40,000 rows
 * of `score --format csv` without an array per row and a join per array.
 */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return `${BOM}\r\n`;
  return BOM + csvLines(rows);
}

/** Rows of the dialect without the byte-order mark, each ending in CRLF: toCsv(rows) is BOM + csvLines(rows) for rows not empty. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += ',';
      out += cell(row[i]);
    }
    out += '\r\n';
  }
  return out;
}

/** A cell that needs neither the formula guard nor quotes: most are, and are written as they are. */
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value); // a number or a boolean: never quoted, never a formula
  if (!SPECIAL.test(value)) return value;
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
