import { load, Schema, Type, type LoadOptions } from 'js-yaml';
import { needsFullReader } from './needs-full-reader.js';

/**
 * The fast way to read a profile: js-yaml (about ten times faster than the `yaml` package) with a
 * schema whose plain scalars resolve exactly as the `yaml` package's YAML 1.2 core schema does (its
 * own regexes and conversions, in its order), so `yes`, `NO` and dates stay strings and `1_000`,
 * `0b1`, `-0x1` stay strings too. It answers only when it can be sure of giving the same data as
 * the full reader (`parseYaml`) with no finding; anything else — a feature a profile never needs, a
 * text the two parsers could read differently, any error — returns undefined, and the caller reads
 * the file with the full reader, which is the reference and words every message.
 */
export function fastParse(text: string): { data: unknown; nodes: NodeEvents } | undefined {
  if (needsFullReader(text)) return undefined;
  try {
    const nodes: NodeEvents = { marks: [], closed: [] };
    const data = load(text, { ...FAST_OPTIONS, listener: watchNodes(nodes) });
    // A file of comments only: js-yaml reads no document, the full reader an empty one (null).
    return data === undefined ? undefined : { data, nodes };
  } catch {
    // A syntax error, an anchor, a tag, a duplicate key, too deep: the full reader says what is wrong.
    return undefined;
  }
}

/** Deeper than any profile (about 6 levels); deeper files go to the full reader, which refuses 10,000. */
const MAX_FAST_DEPTH = 64;

// The `yaml` package's core schema (yaml/dist/schema/core), tried in the same order. The tags are
// private, so an explicit `!!int` or `!!str` in a file is an unknown tag here (an error, hence the
// full reader), never a second way to read a value.
const scalar = (name: string, test: RegExp, construct: (source: string) => unknown) =>
  new Type(`tag:lexgap.fast-parse:${name}`, { kind: 'scalar', resolve: (source: unknown) => typeof source === 'string' && test.test(source), construct });

const CORE_AS_YAML_2 = new Schema({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int-oct', /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
    scalar('int', /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
    scalar('int-hex', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
    scalar('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
    scalar('float-exp', /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)),
    scalar('float', /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)),
  ],
});

/** js-yaml 4.3's `maxDepth` is not in @types/js-yaml 4.0 yet; nor is the node state its listener sees. */
export const FAST_OPTIONS = { schema: CORE_AS_YAML_2, maxDepth: MAX_FAST_DEPTH } as LoadOptions;

interface NodeState {
  input: string;
  position: number;
  anchor: string | null;
  tag: string | null;
  kind: string | null;
  result: unknown;
}

/**
 * Where js-yaml opened and closed each node, noted while it reads (a few percent of the parse), so
 * that a file with findings is placed without reading it again (fast-locate.ts): `marks` holds an
 * opening's offset, or a closing's offset as `~offset`; `closed` the kind and the value of each
 * closed node, in the order they closed.
 */
export interface NodeEvents {
  marks: number[];
  closed: unknown[];
}

/**
 * Follows js-yaml node by node, noting where each node opens and closes, and stops it (an exception: the full reader takes over) at what the
 * two parsers read differently, wherever it is in the file:
 *  - an anchor `&name` (so also every alias `*name`, which needs one): js-yaml has no limit on alias
 *    bombs, and the full reader counts them;
 *  - the non-specific tag `!` (other tags are unknown to the schema above, so js-yaml refuses them);
 *  - a quoted scalar that runs over several lines, or that something other than a space, a line end
 *    or `:` `,` `]` `}` follows: the full reader requires a space before a comment and rules on how
 *    continuation lines are indented, js-yaml does not.
 */
function watchNodes(nodes: NodeEvents): LoadOptions['listener'] {
  const starts: number[] = [];
  const { marks, closed } = nodes;
  return (event, raw) => {
    const state = raw as unknown as NodeState;
    if (event === 'open') {
      starts.push(state.position);
      marks.push(state.position);
      return;
    }
    const start = starts.pop()!;
    marks.push(~state.position);
    closed.push(state.kind, state.result);
    if (state.anchor !== null || state.tag === '!') throw new Error('left to the full reader');
    if (state.kind === 'scalar' && state.tag === null) checkQuoted(state.input, start, state.position);
  };
}

/** Throws for a quoted scalar between `from` (where js-yaml opened the node) and `end` that is not on one line or runs into the next token. */
function checkQuoted(input: string, from: number, end: number): void {
  let at = from;
  while (at < end) {
    const c = input.charCodeAt(at);
    if (c === 0x20 || c === 0x0a) at++;
    else if (c === 0x23) at = input.indexOf('\n', at) < 0 ? end : input.indexOf('\n', at);
    else break;
  }
  const quote = input.charCodeAt(at);
  if (at >= end || (quote !== 0x22 && quote !== 0x27)) return; // an empty node, or a block scalar
  const newline = input.indexOf('\n', at);
  if (newline >= 0 && newline < end) throw new Error('left to the full reader');
  const next = input.charCodeAt(end);
  if (!(end >= input.length || next === 0x20 || next === 0x0a || next === 0x3a || next === 0x2c || next === 0x5d || next === 0x7d)) {
    throw new Error('left to the full reader');
  }
}
