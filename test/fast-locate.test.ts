import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../src/yaml/fast-parse.js';
import { locate, type Span } from '../src/yaml/locate-node.js';
import { parseYaml } from '../src/yaml/parse-yaml.js';
import { ROOT } from './helpers/run-cli.js';
import { yamlFiles } from './helpers/yaml-files.js';

// The fast locator (positions without the yaml Document) is held to the Document on every node of
// every YAML file the fast reader reads: where it answers, it answers the Document's line, column,
// end line and end column, for the value and for the key that holds it, and for paths that run past
// the data (locate() then points at the closest node that exists).

/** Every path into the data, each also with a segment that does not exist. */
function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix, [...prefix, 'no-such-key']];
  if (Array.isArray(data)) data.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (typeof data === 'object' && data !== null) for (const [key, value] of Object.entries(data)) out.push(...paths(value, [...prefix, key]));
  return out;
}

/** For each path and target: the Document's span, and the fast locator's (undefined where it leaves it to the Document). */
function compare(text: string): { answered: number; asked: number; differences: string[] } {
  const fast = fastParse(text);
  if (!fast) return { answered: 0, asked: 0, differences: [] };
  const full = parseYaml('x.yaml', text).parsed;
  const locator = fast.locate;
  const differences: string[] = [];
  let answered = 0;
  let asked = 0;
  for (const path of paths(fast.data)) {
    for (const target of ['value', 'key'] as const) {
      asked++;
      const mine = locator(path, target);
      if (mine === undefined) continue;
      answered++;
      const theirs: Span = locate(full, path, target);
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) differences.push(`${target} of /${path.join('/')}: ${JSON.stringify(mine)} ≠ Document ${JSON.stringify(theirs)}`);
    }
  }
  return { answered, asked, differences };
}

const files = [...yamlFiles(join(ROOT, 'countries')), ...yamlFiles(join(ROOT, 'test/fixtures'))];

describe('the fast locator gives the yaml Document positions', () => {
  it.each(files.map((f) => [relative(ROOT, f)]))('%s: every node, where it answers', (file) => {
    const { differences } = compare(readFileSync(join(ROOT, file), 'utf8'));
    expect(differences).toEqual([]);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s with \\r\\n line ends: the same data, and every node where it answers', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const fast = parseYaml('x.yaml', text, { fast: true }).parsed;
    if (!fast.fastLocate) return; // left to the full reader
    const full = parseYaml('x.yaml', text).parsed;
    expect(fast.data).toEqual(full.data);
    const differences: string[] = [];
    for (const path of paths(fast.data)) {
      for (const target of ['value', 'key'] as const) {
        const mine = fast.fastLocate(path, target);
        const theirs = locate(full, path, target);
        if (mine && JSON.stringify(mine) !== JSON.stringify(theirs)) differences.push(`${target} of /${path.join('/')}: ${JSON.stringify(mine)} ≠ Document ${JSON.stringify(theirs)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('answers for nearly every node of the shipped profiles, so the Document is seldom built', () => {
    let answered = 0;
    let asked = 0;
    for (const file of files.filter((f) => /\/countries\/[A-Z]{2}\.yaml$/.test(f))) {
      const result = compare(readFileSync(file, 'utf8'));
      answered += result.answered;
      asked += result.asked;
    }
    expect(asked).toBeGreaterThan(10_000);
    expect(answered / asked).toBeGreaterThan(0.99);
  });

  it('handles each kind of node the way the Document does', () => {
    const text = [
      '# a comment first',
      'a: plain value  # and one after',
      'b: >-',
      '  folded',
      '  text',
      '',
      'c:',
      '  - x',
      '  - {k: v, l: [1, 2]}   ',
      '  - |',
      '    literal',
      '',
      '  # between',
      'd: "quoted"',
      "e: 'single'",
      "f: [plain, 'flow', {m: 1, n: [x]}]  # a comment",
      'g:',
      '  h: 1',
      '  i: 2 # c',
      '',
      'j:',
      '- 1',
      '- - nested',
      '  - list',
      'k: last',
      '',
    ].join('\n');
    expect(fastParse(text)).toBeDefined();
    const { answered, asked, differences } = compare(text);
    expect(differences).toEqual([]);
    expect(answered).toBeGreaterThan(asked * 0.9);
  });
});

describe('generated documents', () => {
  // Block scalars of each header, with blank lines inside and after, more-indented lines and
  // comments, in each place a profile puts one, the file ending with or without a line end.
  it('place block scalars of every shape as the Document does', () => {
    const line = fc.constantFrom('text', 'two words', '  more', '', '', '# not a comment', 'a: b');
    const place = fc.constantFrom(['k: ', 2, 'next: 1\n'], ['a:\n  k: ', 4, '  b: 2\n'], ['- ', 2, '- x\n'], ['- k: ', 4, '  b: 2\n'], ['k: ', 2, '# c\nnext: 1\n'], ['k: ', 2, ''] as const);
    const doc = fc
      .tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '>- # c'), fc.array(line, { minLength: 1, maxLength: 6 }), place, fc.constantFrom('', '\n', '\n\n'))
      .map(([head, lines, [open, indent, after], tail]) => `${open}${head}\n${lines.map((l) => (l === '' ? '' : ' '.repeat(indent as number) + l)).join('\n')}\n${tail}${after}`);
    let read = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (!fastParse(text)) return;
        read++;
        expect(compare(text).differences).toEqual([]);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    expect(read).toBeGreaterThan(100);
  });

  const key = fc.oneof(fc.constantFrom('a', 'b1', 'name', 'T1.06', '1', '0x1f', 'true', 'x y'), fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/));
  const plain = fc.oneof(
    fc.constantFrom('text', 'two words', 'yes', '12', '1.5', '2025-06-30', 'a: b', 'x # y', "it's", '-1', 'null', '~', ''),
    fc.stringMatching(/^[a-z][a-z ,.]{0,30}[a-z]$/),
  );
  type Tree = string | Tree[] | { [k: string]: Tree };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      plain,
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
    ),
  })).node;
  const style = fc.record({
    scalar: fc.constantFrom('plain', 'double', 'single', 'literal', 'folded', 'strip', 'flow'),
    comment: fc.boolean(),
    blank: fc.boolean(),
    flow: fc.boolean(),
  });

  // About 60% of the documents are read by the fast reader (the rest hold something it leaves to the
  // full one), and the locator answers for about 98% of their nodes.
  it('agree on generated block YAML with every scalar style, comments and blank lines', () => {
    fc.assert(
      fc.property(tree, fc.array(style, { minLength: 40, maxLength: 40 }), (data, styles) => {
        let n = 0;
        const pick = () => styles[n++ % styles.length]!;
        const scalar = (value: string, indent: number): string => {
          const s = pick();
          const pad = ' '.repeat(indent + 2);
          if (s.scalar === 'double') return JSON.stringify(value);
          if (s.scalar === 'single') return `'${value.replace(/'/g, "''")}'`;
          if (value !== '' && s.scalar === 'literal') return `|\n${pad}${value}\n${s.blank ? '\n' : ''}`;
          if (value !== '' && s.scalar === 'folded') return `>\n${pad}${value.split(' ').join(`\n${pad}`)}\n`;
          if (value !== '' && s.scalar === 'strip') return `|-\n${pad}${value}\n`;
          return /^[a-z][a-z0-9 ,.]*$/.test(value) && !/^(?:yes|no|true|false|null)$/.test(value) ? value : JSON.stringify(value);
        };
        const flow = (node: Tree): string =>
          typeof node === 'string' ? JSON.stringify(node) : Array.isArray(node) ? `[${node.map(flow).join(', ')}]` : `{${Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}: ${flow(v)}`).join(', ')}}`;
        const tail = () => (pick().comment ? '  # note\n' : '\n') + (pick().blank ? '\n' : '');
        const block = (node: Tree, indent: number): string => {
          const pad = ' '.repeat(indent);
          if (Array.isArray(node)) return node.map((item) => `${pad}-${value(item, indent + 2, true)}`).join('');
          return Object.entries(node as Record<string, Tree>).map(([k, v]) => `${pad}${/^[a-z]/.test(k) && !/\s|^true$/.test(k) ? k : JSON.stringify(k)}:${value(v, indent + 2, false)}`).join('');
        };
        const value = (node: Tree, indent: number, inList: boolean): string => {
          if (typeof node === 'string') {
            const s = scalar(node, indent - 2);
            return ` ${s}${s.endsWith('\n') ? '' : tail()}`;
          }
          if (pick().flow) return ` ${flow(node)}${tail()}`;
          if (inList && !Array.isArray(node)) {
            const body = block(node, indent);
            return ' ' + body.slice(indent);
          }
          return '\n' + block(node, indent);
        };
        const text = '# generated\n' + (typeof data === 'string' ? `${scalar(data, 0)}\n` : block(data, 0));
        if (!fastParse(text)) return;
        expect(compare(text).differences).toEqual([]);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
