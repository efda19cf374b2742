import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Fonts come from the @fontsource npm packages and are embedded in the page as data: URLs, so a
 * report never depends on the fonts of the machine that prints it. Each package's CSS lists its
 * subsets with their unicode-range; only the subsets a document's text actually uses are embedded.
 */

/** The font stack of every page: Noto Sans first, then the ASEAN scripts it lacks. No system font. */
export const FONT_STACK = `'Noto Sans', 'Noto Sans Thai', 'Noto Sans Khmer', 'Noto Sans Lao', 'Noto Sans Myanmar'`;

const PACKAGES = [
  { pkg: '@fontsource/noto-sans', family: 'Noto Sans', skip: [] as string[] },
  // The script packages repeat Noto Sans's Latin subsets; Noto Sans provides those.
  { pkg: '@fontsource/noto-sans-thai', family: 'Noto Sans Thai', skip: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans-khmer', family: 'Noto Sans Khmer', skip: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans-lao', family: 'Noto Sans Lao', skip: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans-myanmar', family: 'Noto Sans Myanmar', skip: ['latin', 'latin-ext'] },
];
const WEIGHTS = [400, 700];

export interface FontFace {
  family: string;
  subset: string;
  weight: number;
  file: string;
  unicodeRange: string;
  ranges: [number, number][];
}

let faces: FontFace[] | undefined;
const dataUrls = new Map<string, string>();

/** Every face available, read once from the packages' CSS. */
export function availableFaces(): FontFace[] {
  if (faces) return faces;
  const require = createRequire(import.meta.url);
  faces = [];
  for (const { pkg, family, skip } of PACKAGES) {
    const root = dirname(require.resolve(pkg));
    for (const weight of WEIGHTS) {
      const css = readFileSync(join(root, `${weight}.css`), 'utf8');
      const base = pkg.split('/')[1]!;
      for (const block of css.split('@font-face').slice(1)) {
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        const suffix = `-${weight}-normal.woff2`;
        if (!range || !file || !file.startsWith(`${base}-`) || !file.endsWith(suffix)) continue;
        const name = file.slice(base.length + 1, -suffix.length);
        if (skip.includes(name)) continue;
        faces.push({ family, subset: name, weight, file: join(root, 'files', file), unicodeRange: range.trim(), ranges: parseRanges(range) });
      }
    }
  }
  return faces;
}

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
  });
}

const covers = (face: FontFace, cp: number) => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

export interface FontChoice {
  css: string;
  /** Characters no embedded font covers: the browser would draw them with a system font, if any. */
  uncovered: string[];
  subsets: string[];
}

/** The @font-face rules for the subsets `text` needs (Latin always), with the fonts inlined. */
export function fontFacesFor(text: string): FontChoice {
  const all = availableFaces();
  const needed = new Set(all.filter((f) => f.family === 'Noto Sans' && f.subset === 'latin'));
  // Faces are kept in each package's declaration order, which the browser relies on.
  const uncovered = new Set<string>();
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || seen.has(cp)) continue;
    seen.add(cp);
    // As the browser does: the first family in the stack that covers the character draws it.
    const family = PACKAGES.find((p) => all.some((f) => f.family === p.family && covers(f, cp)))?.family;
    if (!family) uncovered.add(ch);
    // Within a family the browser tries the faces last-declared first: the subset it will load.
    const subset = family ? all.filter((f) => f.family === family && covers(f, cp)).at(-1)?.subset : undefined;
    for (const f of all) if (f.family === family && f.subset === subset) needed.add(f);
  }
  const chosen = all.filter((f) => needed.has(f));
  const css = chosen
    .map((f) => `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(${dataUrl(f.file)}) format('woff2');unicode-range:${f.unicodeRange}}`)
    .join('\n');
  return { css, uncovered: [...uncovered], subsets: [...new Set(chosen.map((f) => `${f.family} ${f.subset}`))] };
}

function dataUrl(file: string): string {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}
