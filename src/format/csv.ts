/** The byte-order mark that makes Excel read the file as UTF-8 (Thai, Khmer, Lao, Myanmar, Vietnamese). */
export const BOM = '\uFEFF';

/**
 * The one CSV dialect of every file lexgap writes: UTF-8 with a byte-order mark, RFC 4180 quoting and
 * CRLF line ends, a header row of snake_case names (a country's name is `country_name`); cells that a
 * spreadsheet would run as a formula are prefixed with ' (CSV injection).
 */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value); // a number or a boolean: never quoted, never a formula
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
