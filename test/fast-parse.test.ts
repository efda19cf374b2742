import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkCatalogue } from '../src/framework/framework-catalogue.js';
import { loadFrameworks } from '../src/framework/load-frameworks.js';
import { checkProfile } from '../src/profile/check-profile.js';
import { fastParse } from '../src/yaml/fast-parse.js';
import { parseYaml } from '../src/yaml/parse-yaml.js';
import { CACHE_DIR, ROOT } from './helpers/run-cli.js';
import { disagreement, fullRead } from './helpers/yaml-agreement.js';

// The fast reader and the full one must never give different data: for every text, the fast reader
// either leaves it to the full reader or gives exactly the full reader's data, with nothing the full
// reader would report. A fixed seed and bounded runs, as in properties.test.ts; FC_RUNS explores further.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 300) });
process.env.LEXGAP_CACHE_DIR = CACHE_DIR;
const TODAY = '2026-11-23';

const agrees = (text: string) => {
  const why = disagreement(text);
  if (why) throw new Error(`${why}\nfor the text ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`);
};

let catalogue: FrameworkCatalogue;
beforeAll(async () => {
  const { frameworks } = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/frameworks')]);
  catalogue = new FrameworkCatalogue(frameworks);
});

describe('the fuzz corpus: profiles cut, spliced and misspelt', () => {
  const bases = ['countries/MY.yaml', 'countries/TH.yaml', 'countries/VN.yaml'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
  const unit = fc.constantFrom(...'ab: -[]{}\n\n  \t&*!|>"\'#%@`,?~0x1._+e\\<'.split(''));
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), cut: fc.nat({ max: 200 }), text: fc.string({ maxLength: 40, unit }) }),
    fc.record({ kind: fc.constant('answer' as const), nth: fc.nat(), text: fc.oneof(fc.constantFrom('mett', 'yes', '1', 'null', '~', '__proto__', 'constructor', '[]', '{}', '"x: y"', '&a x', '*a', '!!str 1'), fc.string({ maxLength: 12 })) }),
    fc.record({ kind: fc.constant('key' as const), nth: fc.nat(), text: fc.constantFrom('T1.6', 'T9.99', 'evidnce', 'elements', '__proto__', 'toString', 'a', 'null', '~', '1', '"a"b', '? a', '<<') }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  function mutate(text: string, m: Mutation): string {
    switch (m.kind) {
      case 'truncate':
        return text.slice(0, m.at % (text.length + 1));
      case 'splice': {
        const at = m.at % (text.length + 1);
        return text.slice(0, at) + m.text + text.slice(at + m.cut);
      }
      case 'answer': {
        const spots = [...text.matchAll(/\b(met|partial|not-met|unknown)\b/g)];
        const spot = spots[m.nth % Math.max(1, spots.length)];
        if (!spot) return text + m.text;
        return text.slice(0, spot.index) + m.text + text.slice(spot.index + spot[0].length);
      }
      default: {
        const spots = [...text.matchAll(/^( +)([A-Za-z0-9.]+):/gm)];
        const spot = spots[m.nth % Math.max(1, spots.length)];
        if (!spot) return `${m.text}:\n${text}`;
        return text.slice(0, spot.index + spot[1]!.length) + m.text + text.slice(spot.index + spot[1]!.length + spot[2]!.length);
      }
    }
  }
  const mutated = fc.tuple(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, ms]) => ms.reduce(mutate, bases[b]!));

  it('the fast reader gives the full reader’s data, or leaves the file to it', () => {
    fc.assert(fc.property(mutated, agrees));
  });

  it('checking a mutated profile gives the same findings, at the same places, with either reader', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const fast = checkProfile('MY.yaml', text, catalogue, TODAY);
        const full = checkProfile('MY.yaml', text, catalogue, TODAY, { fullReader: true });
        expect(fast.findings).toEqual(full.findings);
        expect(fast.profile).toEqual(full.profile);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the adversarial fixtures', () => {
  const dir = join(ROOT, 'test/fixtures/adversarial');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s is read alike, whole and cut at any point', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    agrees(text);
    fc.assert(fc.property(fc.nat({ max: text.length }), (at) => agrees(text.slice(0, at))), { numRuns: 100 });
  });

  it('an alias bomb is never expanded by the fast reader: the full reader refuses it', () => {
    const bomb = readFileSync(join(ROOT, 'test/fixtures/bad/alias-bomb.yaml'), 'utf8');
    expect(fastParse(bomb)).toBeUndefined();
    // Anchors and aliases deep in flow collections, not at the start of a line.
    const hidden = 'a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(fastParse(hidden)).toBeUndefined();
    expect(parseYaml('bomb.yaml', bomb, { fast: true }).findings.map((f) => f.code)).toEqual(['yaml-alias-bomb']);
  });

  it('nesting 10,000 deep does not crash the fast reader: the full reader refuses it, with its own message', () => {
    const flowDeep = 'provisions: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const blockDeep = Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n';
    for (const deep of [flowDeep, blockDeep]) {
      expect(fastParse(deep)).toBeUndefined();
      // Which error the full reader meets first depends on the stack left at that point: only that
      // it refuses is the same from one call to the next.
      const findings = parseYaml('deep.yaml', deep, { fast: true }).findings;
      expect(findings.some((f) => f.severity === 'error' && f.code.startsWith('yaml-'))).toBe(true);
    }
    expect(parseYaml('deep.yaml', flowDeep, { fast: true }).findings.map((f) => f.message)).toContain('the YAML is nested too deeply to read');
  });
});

describe('scalars the two parsers could read differently', () => {
  // YAML 1.1 words, numbers in every notation, dates, escapes: the core schema of YAML 1.2 reads few
  // of them as numbers, booleans or null, and other YAML readers' schemas read more.
  const word = fc.constantFrom(
    ...['yes', 'no', 'Yes', 'NO', 'on', 'off', 'y', 'n', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', '~', 'null', 'Null', 'NULL', 'nULL', ''],
    ...['1_000', '0b101', '0x1F', '0X1F', '-0x1', '+0x1', '0o17', '0O17', '-0o1', '017', '08', '+12', '-0', '00', '1.', '.5', '-.5', '+.5', '1.0', '1.50'],
    ...['1e3', '1E-3', '.5e2', '1.e1', '1e', 'e1', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'nan', 'inf', '1:30', '190:20:30', '1,000', '12345678901234567890', '0x'],
    ...['2025-06-30', '2025-6-3', '2025-06-30T10:00:00Z', '2025-06-30 10:00:00 +07:00', '2002-12-14t21:59:43.10-05:00', '12:30:00'],
  );
  const escape = fc.constantFrom('\\t', '\\n', '\\"', '\\\\', '\\/', '\\ ', '\\0', '\\a', '\\b', '\\e', '\\f', '\\r', '\\v', '\\N', '\\_', '\\L', '\\P', '\\x41', '\\u00e9', '\\U0001F600', '\\ud800', '\\q', "'");
  const quoted = fc.oneof(
    fc.array(fc.oneof(escape, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => `"${parts.join('')}"`),
    fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/'/g, "''")}'`),
    fc.string({ maxLength: 8 }).map((s) => `'${s}'`),
  );
  const scalar = fc.oneof(word, word.map((w) => `${w} # comment`), quoted, fc.string({ maxLength: 10, unit: fc.constantFrom(...'ab1.-+_:#" \'xe0'.split('')) }));
  const context = fc.constantFrom(
    (s: string) => `k: ${s}\n`,
    (s: string) => `- ${s}\n`,
    (s: string) => `k:\n  ${s}\n`,
    (s: string) => `k: [${s}]\n`,
    (s: string) => `k: [${s}, ${s}]\n`,
    (s: string) => `k: {a: ${s}}\n`,
    (s: string) => `k: {${s}: a}\n`,
    (s: string) => `${s}: 1\n`,
    (s: string) => `k:\n  ${s}: 1\n  b: 2\n`,
    (s: string) => `- [${s}]\n- {${s}}\n`,
    (s: string) => `${s}\n`,
  );

  it('a scalar in any place reads the same', () => {
    fc.assert(fc.property(scalar, context, (s, place) => agrees(place(s))), { numRuns: 3000 });
  });

  it('each scalar of the list reads the same in each place (not left to chance)', () => {
    const words = [...(word as unknown as { values?: string[] }).values ?? []];
    for (const w of words) for (const place of [(s: string) => `k: ${s}\n`, (s: string) => `- [${s}]\n`, (s: string) => `${s}: 1\n`]) agrees(place(w));
  });

  it('a plain number, date and YAML 1.1 word is read as the YAML 1.2 core schema says', () => {
    const read = (s: string) => (fastParse(`k: ${s}\n`) as { data: { k: unknown } }).data.k;
    expect([read('yes'), read('NO'), read('2025-06-30'), read('1_000'), read('0b1'), read('-0x1')]).toEqual(['yes', 'NO', '2025-06-30', '1_000', '0b1', '-0x1']);
    expect([read('0x1F'), read('0o17'), read('+12'), read('1e3'), read('-.inf'), read('~'), read('Null'), read('TRUE')]).toEqual([31, 15, 12, 1000, -Infinity, null, null, true]);
    expect(read('.NaN')).toBeNaN();
  });

  const blockScalar = fc
    .tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '|+2'), fc.array(fc.tuple(fc.nat({ max: 3 }), fc.string({ maxLength: 8, unit: fc.constantFrom(...'ab #:-"\''.split('')) })), { maxLength: 5 }), fc.constantFrom('', '\n', '\n\n', '  \n'))
    .map(([head, lines, tail]) => `k: ${head}\n${lines.map(([indent, s]) => (s === '' ? '' : ' '.repeat(2 + indent) + s)).join('\n')}\n${tail}next: 1\n`);

  it('block scalars with every chomping and indentation indicator read the same', () => {
    fc.assert(fc.property(blockScalar, agrees), { numRuns: 1000 });
  });
});

describe('whole documents in block and flow style', () => {
  const leaf = fc.oneof(fc.constantFrom('a', 'met', '1', '0x1', 'yes', '~', '""', "'x'", '"a b"', 'a b', '2025-06-30', '-1.5', 'a # c', 'x: y', '&a a', '*a', '!t a', '"a"b'), fc.string({ maxLength: 6, unit: fc.constantFrom(...'ab1 :-#"\'[]{},&*!?|>'.split('')) }));
  const key = fc.oneof(fc.constantFrom('a', 'b', 'T1.06', '1', 'null', '~', '"k"', "'k'", '__proto__', '<<', '? x', '[a]', 'a b', 'true', '0x1'), fc.string({ maxLength: 4, unit: fc.constantFrom(...'ab1 :-#"\''.split('')) }));
  type Tree = string | { seq: Tree[] } | { map: [string, Tree][] };
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('tree'), { maxLength: 3 }).map((seq) => ({ seq })),
      fc.array(fc.tuple(key, tie('tree')), { maxLength: 3 }).map((map) => ({ map })),
    ),
  }));
  const flow = (t: Tree): string =>
    typeof t === 'string' ? t : 'map' in t ? `{${t.map.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}` : `[${t.seq.map(flow).join(', ')}]`;
  const block = (t: Tree, indent: number, flowAt: number): string => {
    const pad = ' '.repeat(indent);
    if (typeof t === 'string' || flowAt <= 0 || ('map' in t ? t.map.length : t.seq.length) === 0) return ` ${flow(t)}\n`;
    if ('map' in t) return '\n' + t.map.map(([k, v]) => `${pad}${k}:${block(v, indent + 2, flowAt - 1)}`).join('');
    return '\n' + t.seq.map((v) => `${pad}-${block(v, indent + 2, flowAt - 1)}`).join('');
  };

  it('a generated document reads the same, or is left to the full reader', () => {
    fc.assert(fc.property(tree, fc.nat({ max: 4 }), (t, flowAt) => agrees(block(t, 0, flowAt).replace(/^\n/, ''))), { numRuns: 2000 });
  });

  it('the generator makes documents the fast reader does read, so the property above has teeth', () => {
    const read = fc.sample(fc.tuple(tree, fc.nat({ max: 4 })), { numRuns: 300, seed: 1 }).filter(([t, f]) => fastParse(block(t, 0, f).replace(/^\n/, '')) !== undefined);
    expect(read.length).toBeGreaterThan(60);
  });

  it('what the full reader refuses is never read by the fast one', () => {
    for (const text of ['k: "a"#c\n', 'k: "a\n  b"\n', 'k: "a\\\nb"\n', "k: 'a'b\n", 'a: 1\na: 2\n', 'k: [a,\nb\n]\n', 'k: a: b\n', '- a\nk: b\n']) {
      expect(fastParse(text), text).toBeUndefined();
      expect('refused' in fullRead(text) || fastParse(text) === undefined).toBe(true);
    }
  });
});
