import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module of the bench, without types
import { syntheticProfile } from '../bench/make-profiles.mjs';
import { parseYaml } from '../src/yaml/parse-yaml.js';
import { readProfile } from '../src/yaml/profile-reader.js';
import { ROOT } from './helpers/run-cli.js';
import { disagreement, fullRead } from './helpers/yaml-agreement.js';

// The profile reader at its edges: generated texts aimed at what it reads by hand (block scalars,
// quoted escapes, flow collections, plain scalars that look like numbers, Windows line ends). For
// each, it must give the full reader's data or refuse the text. And the shapes profiles are written
// in must not be refused: a reader that quietly refused them would pass every agreement test.
const RUNS = Number(process.env.FC_RUNS ?? 300);
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: RUNS });

const agrees = (text: string) => {
  const why = disagreement(text);
  if (why) throw new Error(`${why}\nfor the text ${JSON.stringify(text)}`);
};

/** Read by the reader itself (not refused), and the full reader's data. */
const readAlike = (text: string) => {
  const mine = readProfile(text);
  expect(mine, `refused: ${JSON.stringify(text)}`).toBeDefined();
  const full = fullRead(text);
  expect(full).toEqual({ data: mine!.data });
  expect(isDeepStrictEqual(full, { data: mine!.data }), JSON.stringify(text)).toBe(true);
};

describe('the shapes profiles are written in are read by the reader, not left to the full one', () => {
  it.each([
    ['keys and plain values', 'country: PH\nname: Philippines\nassessed: 2026-11-29\nyear: 2022\n'],
    ['a comment line, a comment after a value, blank lines', '# yaml-language-server: $schema=x.json\na: 1  # one\n\n  # indented comment\nb: two\n'],
    ['nested mappings', 'laws:\n  ra1:\n    title: An Act\n    year: 2012\n  ra2:\n    title: Another\n'],
    ['a folded block, kept and stripped', 'notes: >-\n  one line\n  and the next\n\n  a new paragraph\nnext: 1\n'],
    ['a folded block with a more-indented line', 'notes: >-\n  text\n    indented\n  back\n'],
    ['literal blocks of each chomping', 'a: |\n  x\n  y\nb: |-\n  x\nc: |+\n  x\n\nd: 1\n'],
    ['a folded block at the end of the file, with and without its line end', 'a: >\n  x\n  y\n'],
    ['a folded block ending the file without a line end', 'a: >-\n  x\n  y'],
    ['a block header with a comment', 'a: >- # why\n  x\n'],
    ['a list of mappings', 'evidence:\n  - law: ra1\n    section: "s.4(a)"\n    elements: [a, b]\n  - law: ra2\n    quote: "He said \\"no\\" — twice"\n'],
    ['a list as indented as its key', 'assessors:\n- name: A\n  role: reader\n- name: B\nnext: x\n'],
    ['flow mappings and lists on one line', 'elements: {a: met, b: partial, c: not-met}\nlist: [a, "b", \'c\', 1, 2.5, true, ~]\nnested: {x: [1, {y: z}], u: https://example.org/a?b=c}\n'],
    ['quoted values with escapes and quotes', 'a: "tab\\tnew\\nline \\u00e9 \\\\"\nb: \'it\'\'s\'\nc: ""\nd: \'\'\n'],
    ['plain values with colons, hashes and brackets inside', 'url: https://example.org/x#frag\nsection: s.4(a)-[b]\ntime: 10:30\nnote: a, b, c\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['keys the data names as numbers, booleans, null', '1: a\n0x1F: b\ntrue: c\n~: d\n.inf: e\n'],
    ['__proto__ and constructor as keys', '__proto__: 1\nconstructor: 2\ntoString: {a: 1}\n'],
    ['a top-level list, a top-level flow mapping', '- a\n- b: 1\n  c: 2\n- - x\n  - y\n'],
    ['a top-level flow mapping', '{a: 1, b: [2]}\n'],
    ['trailing spaces after values and keys', 'a: 1   \nb  : two  \nc: "q"  \n'],
  ])('%s', (_, text) => readAlike(text));

  it('every shipped country profile and every synthetic profile of the bench', () => {
    for (const country of ['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN']) readAlike(readFileSync(join(ROOT, `countries/${country}.yaml`), 'utf8'));
    const framework = parse(readFileSync(join(ROOT, 'frameworks/asean-ocsea.yaml'), 'utf8'));
    for (const index of [0, 1, 7, 999, 12345]) readAlike(syntheticProfile(framework, index));
  });

  it('mappings of the same keys read again and again (made in one go once their shape is known) stay alike', () => {
    // map-shapes.ts makes a mapping whose keys it has met a few times as an object literal: the
    // names that a literal could read otherwise (numbers, "", quotes, `__proto__`), a key repeated
    // after a known shape, and the same names written another way must still read as the full reader.
    const texts = [
      'a: 1\nb: 2\nc: {x: 1, y: 2}\n',
      '1: a\n0x2: b\n1.5: c\n',
      '1: a\n0x1: b\n',
      '~: a\nb: null\n',
      '~: a\nnull: b\n',
      '"": a\n"x\\"y": b\n\'it\'\'s\': c\n',
      'a: 1\n__proto__: {b: 2}\nc: 3\n',
      'a: 1\nb: 2\na: 3\n',
      'a: 1\nb: 2\nc: {x: 1, y: 2, x: 3}\n',
      '"a": 1\nb: 2\nc: {"x": 1, \'y\': 2}\n',
      '2: a\n10: b\nz: c\n1: d\n',
      'k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk11: 11\nk12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk17: 17\nk1: 18\n',
    ];
    for (let round = 0; round < 6; round++) for (const text of texts) agrees(text);
    for (const text of [texts[0]!, texts[1]!, texts[3]!, texts[5]!, texts[6]!, texts[10]!]) for (let round = 0; round < 6; round++) expect(readProfile(text), text).toBeDefined();
    // A name set twice, in a shape the tree knows up to the repeat: left to the full reader, which reports it.
    for (const text of [texts[2]!, texts[4]!, texts[7]!, texts[8]!, texts[11]!]) for (let round = 0; round < 6; round++) expect(readProfile(text), text).toBeUndefined();
  });

  it('short plain values read again and again (kept in a table, replaced when another text takes their slot) stay alike', () => {
    // plain-scalars.ts keeps the values of short plain scalars in a table of 512 slots: 3,000
    // distinct texts, read twice, take and retake every slot; numbers, nulls and booleans among them
    // keep their meaning, and a text one character longer or shorter than one kept is not it.
    const words = Array.from({ length: 3000 }, (_, i) => [`v${i}`, String(i), `${i}.5`, i % 7 === 0 ? 'null' : i % 5 === 0 ? 'true' : `met${'x'.repeat(i % 30)}`][i % 4]!);
    for (let round = 0; round < 2; round++) {
      for (let from = 0; from < words.length; from += 100) {
        const slice = words.slice(from, from + 100);
        const block = slice.map((w, i) => `k${i}: ${w}`).join('\n') + '\n';
        const flow = `list: [${slice.join(', ')}]\n`;
        for (const text of [block, flow]) {
          agrees(text);
          expect(readProfile(text), text).toBeDefined(); // read by the reader, not left to the full one
        }
      }
    }
    for (let round = 0; round < 3; round++) agrees('a: met\nb: mett\nc: me\nd: met\ne: [met, mett, me]\n');
  });

  it('texts read as UTF-16 code units: characters beyond ASCII read alike, a NUL character is left to the full reader', () => {
    // The reader scans a copy of the text's code units, with 0 marking its end: a text holding a
    // NUL would end early there, so it is refused.
    readAlike('a: é ü — 中文 ไทย\nb: x\ud83d\ude00y\n"ключ": {ä: ö}\n');
    agrees('a: \ud800\nb: 1\n');
    expect(readProfile('a: b\0c\nd: 1\n')).toBeUndefined();
    agrees('a: b\0c\nd: 1\n');
  });

  it('with Windows line ends, through parseYaml, with no finding', () => {
    const text = readFileSync(join(ROOT, 'countries/PH.yaml'), 'utf8').replace(/\n/g, '\r\n');
    const fast = parseYaml('PH.yaml', text, { fast: true });
    expect(fast.parsed.fastLocate).toBeDefined();
    expect(fast.findings).toEqual([]);
    expect(fast.parsed.data).toEqual(parseYaml('PH.yaml', text).parsed.data);
  });
});

describe('generated texts at the reader’s edges', () => {
  // Block scalars: every header, lines more or less indented, blank lines of any width, comments
  // inside and after, in each place a profile puts one, ending the file with or without a line end.
  const header = fc.tuple(fc.constantFrom('|', '>'), fc.constantFrom('', '-', '+', '1', '2-', '+3', '-9'), fc.constantFrom('', ' ', '  # c', '#c'));
  const line = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.nat({ max: 3 }), fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...'ab #:-"\'>|[{'.split('')) })).map(([extra, s]) => ' '.repeat(extra) + s) },
    { weight: 2, arbitrary: fc.nat({ max: 4 }).map((n) => ' '.repeat(n) + '\u0000') }, // a blank line of n spaces (marked, then emptied)
  );
  const place = fc.constantFrom(
    { open: 'k: ', indent: 2, after: 'next: 1\n' },
    { open: 'a:\n  k: ', indent: 4, after: '  b: 2\n' },
    { open: '- ', indent: 2, after: '- x\n' },
    { open: '- k: ', indent: 4, after: '  b: 2\n' },
    { open: 'l:\n- k: ', indent: 4, after: '- x\n' },
    { open: 'k: ', indent: 2, after: '# a comment\nnext: 1\n' },
    { open: 'k: ', indent: 2, after: '' },
  );
  const blockScalar = fc
    .tuple(header, fc.array(line, { minLength: 0, maxLength: 6 }), place, fc.nat({ max: 2 }), fc.constantFrom('', '\n', '\n\n', '  \n', '\n   '))
    .map(([[mode, indicator, comment], lines, { open, indent, after }, shift, tail]) => {
      const pad = ' '.repeat(indent + shift);
      const body = lines.map((l) => (l.endsWith('\u0000') ? l.slice(0, -1) : pad + l)).join('\n');
      return `${open}${mode}${indicator}${comment}\n${body}${after === '' ? tail : '\n' + tail.replace(/ +$/, '') + after}`;
    });

  it('block scalars of every shape read alike, or are refused', () => {
    let read = 0;
    fc.assert(
      fc.property(blockScalar, (text) => {
        agrees(text);
        if (readProfile(text)) read++;
      }),
      { numRuns: RUNS * 10 },
    );
    expect(read).toBeGreaterThan(RUNS); // a tenth of them at least are read, not refused
  });

  it('the block scalars profiles write are read, not refused', () => {
    const profileBlock = fc
      .tuple(fc.constantFrom('>-', '>', '|', '|-', '>+', '|+'), fc.constantFrom('', '  # c'), fc.array(fc.constantFrom('text', 'two words', '"quoted"', 'a: b', '# not a comment', '  more indented', ''), { minLength: 1, maxLength: 6 }), place)
      .filter(([, , lines]) => lines[0] !== '' && !lines[0]!.startsWith(' '))
      .map(([head, comment, lines, { open, indent, after }]) => `${open}${head}${comment}\n${lines.map((l) => (l === '' ? '' : ' '.repeat(indent) + l)).join('\n')}\n${after}`);
    const texts = fc.sample(profileBlock, { numRuns: 500, seed: 2 });
    for (const text of texts) readAlike(text);
  });

  // Flow collections on one line: spacing, quoted and plain entries, nesting, empty and trailing entries.
  const flowScalar = fc.oneof(
    fc.constantFrom('a', 'b c', '1', '-2', '0x1', '~', 'null', 'true', 'https://x.org/a:b', 'a:b', '"q"', "'s'", '"a, b"', '""', 'a#b', 'a #b', ':a', '-', '- a', '?'),
    fc.string({ maxLength: 4, unit: fc.constantFrom(...'ab1:-#"\' '.split('')) }),
  );
  type Flow = string | { seq: Flow[] } | { map: [string, Flow][] };
  const { flow } = fc.letrec<{ flow: Flow }>((tie) => ({
    flow: fc.oneof(
      { depthSize: 'small' },
      flowScalar,
      fc.array(tie('flow'), { maxLength: 3 }).map((seq) => ({ seq })),
      fc.array(fc.tuple(flowScalar, tie('flow')), { maxLength: 3 }).map((map) => ({ map })),
    ),
  }));
  // Each choice of spacing: around brackets, after a colon, between entries (a stray comma now and then).
  const spacing = fc.array(fc.nat({ max: 9 }), { minLength: 8, maxLength: 8 });
  const render = (node: Flow, choices: number[]): string => {
    let n = 0;
    const pick = <T,>(options: T[]) => options[choices[n++ % choices.length]! % options.length]!;
    const space = () => pick(['', '', ' ', ' ', '  ']);
    const separator = () => pick([', ', ', ', ',', ' , ', ', ', ',, ', ', ', ',']);
    const trailing = () => pick(['', '', '', '', ', ', ',']);
    const write = (f: Flow): string => {
      if (typeof f === 'string') return f;
      if ('map' in f) {
        const pairs = f.map.map(([k, v]) => `${k}:${pick([' ', ' ', ' ', '', '  '])}${write(v)}`);
        return `{${space()}${pairs.join(separator())}${pairs.length ? trailing() : ''}${space()}}`;
      }
      return `[${space()}${f.seq.map(write).join(separator())}${f.seq.length ? trailing() : ''}${space()}]`;
    };
    return write(node);
  };

  it('flow collections on one line read alike, or are refused', () => {
    let read = 0;
    fc.assert(
      fc.property(flow, spacing, fc.constantFrom('k: %\n', '- %\n', 'a:\n  - %  # c\n', '%\n', 'k: %'), (f, gaps, context) => {
        const text = context.replace('%', render(f, gaps));
        agrees(text);
        if (readProfile(text)) read++;
      }),
      { numRuns: RUNS * 10 },
    );
    expect(read).toBeGreaterThan(RUNS * 2); // a fifth of them at least are read, not refused
  });

  // Plain scalars built of the characters numbers, nulls and booleans are made of.
  const numberLike = fc.oneof(
    fc.string({ minLength: 1, maxLength: 7, unit: fc.constantFrom(...'0123456789+-.eExXoO_:abfinINF'.split('')) }),
    fc.tuple(fc.constantFrom('', '+', '-'), fc.constantFrom('', '.', '0', '1', '12', '0x', '0o', '1e', '.e'), fc.constantFrom('', '5', 'inf', 'Inf', 'nan', 'NaN', '1f', 'ff', '77', '8', '+3', '-3')).map((parts) => parts.join('')),
    fc.constantFrom('~', 'null', 'NULL', 'Null', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'fAlse', 'n', 'y'),
  );

  it('plain scalars that look like numbers, nulls or booleans read alike as values, keys and list items', () => {
    let read = 0;
    fc.assert(
      fc.property(numberLike, fc.constantFrom('k: %\n', '%: v\n', '- %\n', 'k: [%, %]\n', 'k: {%: %}\n', 'a: 1\n%: 2\n'), (s, context) => {
        const text = context.replaceAll('%', s);
        agrees(text);
        if (readProfile(text)) read++;
      }),
      { numRuns: RUNS * 10 },
    );
    expect(read).toBeGreaterThan(RUNS * 5); // half of them at least are read, not refused
  });

  it('generated documents with Windows line ends give the same data and no finding through parseYaml', () => {
    fc.assert(
      fc.property(blockScalar, (text) => {
        const crlf = text.replace(/\n/g, '\r\n');
        const fast = parseYaml('x.yaml', crlf, { fast: true });
        if (!fast.parsed.fastLocate) return; // left to the full reader
        const full = parseYaml('x.yaml', crlf);
        expect(fast.findings).toEqual([]);
        expect(full.findings).toEqual([]);
        expect(isDeepStrictEqual(fast.parsed.data, full.parsed.data)).toBe(true);
      }),
    );
  });
});
