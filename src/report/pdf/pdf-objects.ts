/**
 * Reads the objects of a PDF as Chromium writes it: classic cross-reference tables (the first one and
 * any incremental updates after it, such as the document information lexgap appends), every object
 * written whole, none in object streams, no encryption. Anything else is refused with null: the caller
 * keeps the file as it is rather than risk it.
 */
export interface PdfObject {
  num: number;
  /** The object's value, between "N 0 obj" and "endobj" (a stream's dictionary, then its data). */
  body: Buffer;
  /** Whether the body is a dictionary followed by stream data. */
  isStream: boolean;
}

/** An object's dictionary: for a stream, the text before its data (read from the first 4 KB). */
export function streamDictionary(object: PdfObject): string {
  const text = object.body.toString('latin1', 0, Math.min(object.body.length, 4096));
  const at = text.indexOf('stream');
  return at < 0 ? text : text.slice(0, at);
}

export interface PdfFile {
  objects: PdfObject[];
  /** The latest trailer's /Root, /Info and /ID, as written there (e.g. "7120 0 R"). */
  root: string;
  info: string | null;
  id: string | null;
}

export function readPdfObjects(pdf: Uint8Array): PdfFile | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!end) return null;

  const offsets = new Map<number, number>();
  const sectionStarts: number[] = [];
  let trailer: string | null = null;
  const visited = new Set<number>();
  for (let at: number | null = Number(end[1]); at !== null; ) {
    if (!Number.isSafeInteger(at) || at >= text.length || visited.has(at)) return null;
    visited.add(at);
    if (!text.startsWith('xref', at)) return null; // a cross-reference stream: not Chromium's form
    sectionStarts.push(at);
    const section = /xref\s+/y;
    section.lastIndex = at;
    if (!section.exec(text)) return null;
    let pos = section.lastIndex;
    const subsection = /(\d+)\s+(\d+)\s*?\r?\n/y;
    for (;;) {
      subsection.lastIndex = pos;
      const head = subsection.exec(text);
      if (!head) break;
      const first = Number(head[1]);
      const count = Number(head[2]);
      pos = subsection.lastIndex;
      for (let i = 0; i < count; i++, pos += 20) {
        const entry = text.slice(pos, pos + 20);
        if (!/^\d{10} \d{5} [nf]/.test(entry)) return null;
        // An older section never overrides a newer one (sections are read newest first).
        if (entry[17] === 'n' && !offsets.has(first + i)) {
          if (entry.slice(11, 16) !== '00000') return null; // a generation above 0: not Chromium's
          offsets.set(first + i, Number(entry.slice(0, 10)));
        }
      }
    }
    const dict = /\s*trailer\s*<<([\s\S]*?)>>\s*startxref/y;
    dict.lastIndex = pos;
    const found = dict.exec(text);
    if (!found) return null;
    trailer ??= found[1]!;
    if (/\/Encrypt\b/.test(found[1]!)) return null;
    const prev = /\/Prev\s+(\d+)/.exec(found[1]!);
    at = prev ? Number(prev[1]) : null;
  }
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer!)?.[1];
  if (!root) return null;
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer!)?.[1] ?? null;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer!)?.[1] ?? null;

  // An object ends where the next object or cross-reference section begins.
  const starts = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const boundaries = [...starts.map(([, o]) => o), ...sectionStarts].sort((a, b) => a - b);
  const objects: PdfObject[] = [];
  let b = 0;
  for (const [num, offset] of starts) {
    while (b < boundaries.length && boundaries[b]! <= offset) b++;
    const limit = boundaries[b] ?? text.length;
    const header = /(\d+)\s+(\d+)\s+obj\b/y;
    header.lastIndex = offset;
    const h = header.exec(text);
    if (!h || Number(h[1]) !== num || h[2] !== '0') return null;
    const closing = /\s*endobj\s*$/.exec(text.slice(header.lastIndex, limit));
    if (!closing) return null;
    const body = bytes.subarray(header.lastIndex, header.lastIndex + closing.index);
    const trimmed = text.slice(header.lastIndex, header.lastIndex + closing.index).trim();
    objects.push({ num, body, isStream: trimmed.endsWith('endstream') && /^<</.test(trimmed) });
  }
  return { objects, root, info, id };
}
