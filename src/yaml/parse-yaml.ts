import type { Document, LineCounter, YAMLError } from 'yaml';
import { fastParse } from './fast-parse.js';
import type { FastLocator } from './profile-locator.js';
import { respaceTabs } from './respace-tabs.js';
import { yamlPackage } from './yaml-package.js';
import type { YamlIssue } from './yaml-issue.js';

/**
 * A YAML document kept with its node positions, so findings can point at lines and columns. From the
 * fast reader, positions come from `fastLocate` where it can place them, and `doc` and `lineCounter`
 * are built on first use: only for a finding that locator leaves to them.
 */
export interface ParsedYaml {
  file: string;
  text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML itself is broken. */
  data: unknown;
  /** From the fast reader: positions found without the Document where it can be sure of them (profile-locator.ts). */
  fastLocate?: FastLocator;
}

const TOO_DEEP = 'the YAML is nested too deeply to read';

/** Anchors/aliases allowed before we call it an alias bomb; real profiles need none. */
export const MAX_ALIAS_COUNT = 100;

/** The parser's words for its commonest errors, said the way a drafter would understand them. */
const PLAIN_MESSAGES: Record<string, (culprit: string) => string> = {
  BLOCK_AS_IMPLICIT_KEY: () => 'this value contains ": ", which YAML reads as the start of another key',
  TAB_AS_INDENT: () => 'a tab is used to indent this line',
  DUPLICATE_KEY: (key) => `the key "${key}" appears twice in the same map`,
  MULTIPLE_DOCS: () => 'the file holds more than one YAML document',
};

const PLAIN_WORDS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'put the whole value in "double quotes", or use | for a block of text',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines — quote the value before it if it contains ": "',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'line the key up with the keys around it',
  DUPLICATE_KEY: 'each key may appear only once in a map — merge or remove the repeated one',
  MULTIPLE_DOCS: 'a profile is one YAML document — remove the extra `---`',
  MISSING_CHAR: 'a quote or bracket is not closed',
  UNEXPECTED_TOKEN: 'check the punctuation on this line — quote the value if it contains : # [ ] { } or a leading * & !',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined earlier',
};

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: false } as const;

/**
 * Parses YAML 1.2 (so `NO`, `yes`, dates stay strings) and reports syntax problems as findings.
 * With `fast`, a file the fast reader is sure of (see fast-parse.ts) is read by it, with no finding,
 * and its positions are found only if a later check asks for one; every other file, and every file
 * without `fast`, is read by the full reader, which is the reference.
 */
export function parseYaml(file: string, text: string, options: { fast?: boolean } = {}): { parsed: ParsedYaml; findings: YamlIssue[] } {
  const lines = options.fast ? withNewlines(text) : undefined;
  const fast = lines === undefined ? undefined : fastParse(lines);
  if (fast) return { parsed: withLazyPositions(file, text, fast.data, fast.locate), findings: [] };
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const findings: YamlIssue[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, ...PARSE_OPTIONS });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    doc = parseDocument('', { lineCounter: new LineCounter() });
    findings.push({ file, line: 1, col: 1, severity: 'error', code: 'yaml-too-deep', message: TOO_DEEP, hint: 'a profile needs only a few levels of nesting' });
    return { parsed: { file, text, doc, lineCounter, data: undefined }, findings };
  }
  let counter = lineCounter;
  let read = text;
  let reported: { errors: readonly YAMLError[]; warnings: readonly YAMLError[] } = doc;
  if (doc.errors.some((e) => e.code === 'TAB_AS_INDENT')) {
    // One tab loses the parser every line after it: report the tab once, and read the file as if
    // it were indented with spaces, so its other mistakes are reported too.
    const respaced = respaceTabs(text);
    if (respaced !== undefined) {
      const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
      const respacedCounter = new LineCounter();
      doc = parseDocument(respaced.text, { lineCounter: respacedCounter, ...PARSE_OPTIONS });
      // Positions point into the file as written: a respaced line's columns move back by what it grew.
      counter = Object.assign(Object.create(respacedCounter) as LineCounter, {
        linePos(offset: number) {
          const { line, col } = respacedCounter.linePos(offset);
          return { line, col: Math.max(1, col - (respaced.grown.get(line) ?? 0)) };
        },
      });
      findings.push(...toIssues(file, text, tabs, 'error', lineCounter));
      reported = { errors: doc.errors, warnings: doc.warnings };
      read = respaced.text;
    }
  }
  for (const [severity, list] of [['error', reported.errors], ['warning', reported.warnings]] as const) {
    findings.push(...toIssues(file, read, list, severity, counter));
  }
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      findings.push({
        file,
        line: 1,
        col: 1,
        severity: 'error',
        code: err instanceof RangeError ? 'yaml-too-deep' : 'yaml-alias-bomb',
        message:
          err instanceof RangeError
            ? TOO_DEEP
            : 'the YAML expands its aliases (*name) too many times — this looks like an "alias bomb"',
        hint: 'write the values out in full instead of repeating anchors and aliases',
      });
    }
  }
  return { parsed: { file, text, doc, lineCounter: counter, data }, findings };
}

/**
 * The text with Windows line ends (`\r\n`) as `\n`, for the fast reader: YAML reads both as one line
 * break, and as a `\r` comes only before a `\n`, every line and column stays where it was. A text
 * with a `\r` alone (old Mac line ends, or one inside a line) is left as it is, for the full reader.
 */
function withNewlines(text: string): string {
  if (!text.includes('\r')) return text;
  const lines = text.replace(/\r\n/g, '\n');
  return lines.includes('\r') ? text : lines;
}

/**
 * The fast reader's data, with its locator, and the full reader's document of the same text built on
 * first use (for what the locator cannot place). The
 * fast reader answers only for a text the full reader reads with no error or warning and no tab, so
 * that document, and every position taken from it, is the one the full reader would have given.
 */
function withLazyPositions(file: string, text: string, data: unknown, fastLocate: FastLocator): ParsedYaml {
  let built: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const build = () => {
    if (!built) {
      const { LineCounter, parseDocument } = yamlPackage();
      const lineCounter = new LineCounter();
      built = { doc: parseDocument(text, { lineCounter, ...PARSE_OPTIONS }), lineCounter };
    }
    return built;
  };
  return {
    file,
    text,
    data,
    fastLocate,
    get doc() {
      return build().doc;
    },
    get lineCounter() {
      return build().lineCounter;
    },
  };
}

/** The key written at `offset`: the rest of the line up to its colon. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200).split(/\r?\n/)[0]!;
  return rest.split(/:(\s|$)/)[0]!.trim().replace(/^["']|["']$/g, '');
}

/** The yaml package's messages end with "at line x, column y" and a code extract; we print our own. */
function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function toIssues(file: string, text: string, list: readonly YAMLError[], severity: YamlIssue['severity'], lineCounter: LineCounter): YamlIssue[] {
  return list.map((e) => {
    const start = lineCounter.linePos(e.pos[0]);
    const end = lineCounter.linePos(e.pos[1]);
    return {
      file,
      line: start.line,
      col: start.col,
      endLine: end.line,
      endCol: end.col,
      severity,
      code: `yaml-${e.code.toLowerCase().replace(/_/g, '-')}`,
      message: /call stack/i.test(e.message) ? TOO_DEEP : PLAIN_MESSAGES[e.code]?.(keyAt(text, e.pos[0])) ?? firstSentence(e.message),
      hint: PLAIN_WORDS[e.code],
    };
  });
}
