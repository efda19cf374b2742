/** The byte-order mark that makes Excel read the file as UTF-8 (Thai, Khmer, Lao, Myanmar, Vietnamese). */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined;

/**
 * The one CSV dialect of every file lexgap writes: UTF-8 with a byte-order mark, RFC 4180 quoting and
 * CRLF line ends, a header row of snake_case names (a country's name is `country_name`); cells that a
 * spreadsheet would run as a formula are prefixed with ' (CSV injection).
 *
 * Built by appending to one string (V8 joins the pieces once, when the string is written), without
 * an array per row and a join per array. `score --format csv` writes its rows cell by cell with
 * csvCell (format/score-csv.ts), in the same dialect.
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
      out += csvCell(row[i]);
    }
    out += '\r\n';
  }
  return out;
}

/**
 * One cell of the dialect. Most cells need neither the formula guard nor quotes, and are written as
 * they are: a look at their first character and a scan for `"`, `,`, CR and LF tell (cheaper than a
 * regular expression on the short cells of a score CSV).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value); // a number or a boolean: never quoted, never a formula
  if (value.length === 0) return value;
  const first = value.charCodeAt(0);
  // = + - @ tab CR: a spreadsheet would run the cell as a formula.
  const guard = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  let quote = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) {
      quote = true;
      break;
    }
  }
  if (!guard && !quote) return value;
  const text = guard ? `'${value}` : value;
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}
