import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The rooms of src/, top floor first, as the README's Architecture section draws them. A file may
 * import from its own floor or any floor below, never from a floor above. Files directly in src/
 * (version.ts) belong to the ground floor.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['cli'],
  ['check'],
  ['serve', 'edit'],
  ['report', 'diff', 'export', 'format', 'agree'],
  ['scoring', 'crosswalk', 'gaps'],
  ['profile', 'framework'],
  ['findings'],
  ['yaml', 'ground', 'cache', '.'],
];

const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file names: static imports, `export … from`, `import('…')` and `import type`. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

const roomOf = (file: string) => {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? '.' : parts[0]!;
};

export function floorOf(room: string): number {
  const floor = FLOORS.findIndex((rooms) => rooms.includes(room));
  return floor === -1 ? NaN : FLOORS.length - 1 - floor;
}

export function uphillImports(files: readonly string[], read: (file: string) => string): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = roomOf(file);
    for (const spec of importsOf(read(file))) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const to = roomOf(target);
      if (Number.isNaN(floorOf(from)) || Number.isNaN(floorOf(to))) problems.push(`${relative(ROOT, file)}: room "${Number.isNaN(floorOf(from)) ? from : to}" is not in the floor plan`);
      else if (floorOf(to) > floorOf(from)) problems.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to}, a floor above)`);
    }
  }
  return problems;
}

describe('the rooms of src/', () => {
  it('no file imports from a room on a floor above its own', () => {
    const files = tsFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(uphillImports(files, (f) => readFileSync(f, 'utf8')).join("\n")).toBe("");
  });

  it('the check catches an uphill import, a dynamic one, and a type-only one', () => {
    const fake: Record<string, string> = {
      [join(SRC, 'yaml/x.ts')]: "import type { Finding } from '../findings/finding.js';",
      [join(SRC, 'report/y.ts')]: "const { a } = await import('../cli/errors.js');",
      [join(SRC, 'serve/z.ts')]: "import { loadCatalogue } from '../cli/load-inputs.js';",
      [join(SRC, 'cli/ok.ts')]: "import { score } from '../scoring/score.js';\nexport { x } from './y.js';",
    };
    expect(uphillImports(Object.keys(fake), (f) => fake[f]!)).toEqual([
      'src/yaml/x.ts (yaml) imports ../findings/finding.js (findings, a floor above)',
      'src/report/y.ts (report) imports ../cli/errors.js (cli, a floor above)',
      'src/serve/z.ts (serve) imports ../cli/load-inputs.js (cli, a floor above)',
    ]);
  });
});
