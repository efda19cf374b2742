/**
 * A plain scalar's value as the `yaml` package's YAML 1.2 core schema gives it (yaml/dist/schema/core:
 * its regexes and conversions), so that `yes`, `NO`, dates, `1_000`, `0b1` and `-0x1` stay strings.
 * The first character decides what to test, so most values (words, dates) meet no regex.
 */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return numberOr(s); // 0-9 + - .
  switch (c) {
    case 0x7e: // ~
      return s.length === 1 ? null : s;
    case 0x6e: // n
    case 0x4e: // N
      return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
    case 0x74: // t
    case 0x54: // T
      return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
    case 0x66: // f
    case 0x46: // F
      return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
    default:
      return s;
  }
}

const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** An int (decimal, `0o` octal, `0x` hex), a float, `.inf`, `.nan` — or the text itself. */
function numberOr(s: string): unknown {
  const sign = s.charCodeAt(0) === 0x2b || s.charCodeAt(0) === 0x2d ? 1 : 0;
  let at = sign;
  let c = s.charCodeAt(at);
  while (c >= 0x30 && c <= 0x39) c = s.charCodeAt(++at);
  if (at === s.length) return at > sign ? parseInt(s, 10) : s;
  if (at === 1 && sign === 0 && s.charCodeAt(0) === 0x30) {
    if (c === 0x6f) return OCT.test(s) ? parseInt(s.substring(2), 8) : s; // 0o
    if (c === 0x78) return HEX.test(s) ? parseInt(s.substring(2), 16) : s; // 0x
  }
  if (c === 0x2e && at === sign && NAN_INF.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.charCodeAt(0) === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (c === 0x2e || c === 0x65 || c === 0x45) return FLOAT.test(s) || FLOAT_EXP.test(s) ? parseFloat(s) : s; // . e E
  return s;
}
