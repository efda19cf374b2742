import { deflateSync } from 'node:zlib';
import { pageTextRewriter } from './merge-page-text.js';
import { clearMaskedPixels } from './clear-masked-pixels.js';
import { foldTextRuns } from './fold-text-runs.js';
import { shareFunctions } from './share-functions.js';
import { renumberObjects } from './renumber-objects.js';
import { readPdfObjects, type PdfObject } from './pdf-objects.js';

/**
 * Writes Chromium's PDF again, smaller, drawing the same pages: the objects that are not streams
 * (the tagged structure that screen readers use, the link annotations, the pages) go compressed into
 * object streams, and the cross-reference table becomes a compressed cross-reference stream (PDF 1.5,
 * read by every current viewer). In a country report those objects are about half the file, written
 * uncompressed by Chromium. Before that: one copy of each hatch function (share-functions.ts), runs
 * of text handed to the elements around them (fold-text-runs.ts), each page's text with its glyph
 * runs merged and its path points rounded (merge-page-text.ts), and the objects numbered again
 * (renumber-objects.ts). Other streams (fonts, images) are copied byte for byte. A file that is not
 * in Chromium's form comes back unchanged. The Indonesian report: 2.0 MB from Chromium, 447 KB here.
 */
export function compactPdf(pdf: Uint8Array): Uint8Array {
  const file = readPdfObjects(pdf);
  if (!file) return pdf;
  const shared = foldTextRuns(shareFunctions(clearMaskedPixels(file.objects)));
  const rewriteStream = pageTextRewriter(shared);
  const rewritten = shared.map((o) => {
    const body = o.isStream ? rewriteStream(o) : null;
    return body ? { ...o, body } : o;
  });
  // Numbered 1, 2, 3, … again (the folded elements leave gaps); where that cannot be done safely, as they were.
  const renumbered = renumberObjects(rewritten);
  const objects = renumbered?.objects ?? rewritten;
  const ref = (r: string) => renumbered?.renumber(r) ?? r;
  const root = ref(file.root);
  const info = file.info ? ref(file.info) : null;
  if (renumbered && (renumbered.renumber(file.root) === null || (file.info && renumbered.renumber(file.info) === null))) return pdf;

  const chunks: Buffer[] = [];
  let length = 0;
  const write = (data: Buffer | string) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    chunks.push(buf);
    length += buf.length;
  };
  // The header's second line: bytes above 127, so that tools treat the file as binary.
  write('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');

  const maxNum = objects.reduce((n, o) => Math.max(n, o.num), 0);
  /** Per object number: [type, field 2, field 3] of its cross-reference stream entry. */
  const entries = new Map<number, [number, number, number]>();

  // Streams stay as they are, and so does the catalogue (a reader's first stop: its language, outline, structure).
  const direct = (o: PdfObject) => o.isStream || /^\s*<<\s*\/Type\s*\/Catalog\b/.test(o.body.toString('latin1', 0, 64));
  for (const object of objects) {
    if (!direct(object)) continue;
    entries.set(object.num, [1, length, 0]);
    write(`${object.num} 0 obj\n`);
    write(object.body);
    write('\nendobj\n');
  }

  const plain = objects.filter((o) => !direct(o));
  let next = maxNum + 1;
  for (let start = 0; start < plain.length; start += OBJECTS_PER_STREAM) {
    const group = plain.slice(start, start + OBJECTS_PER_STREAM);
    const num = next++;
    const index: string[] = [];
    const values: Buffer[] = [];
    let offset = 0;
    group.forEach((object, i) => {
      entries.set(object.num, [2, num, i]);
      index.push(`${object.num} ${offset}`);
      const value = Buffer.concat([trimmed(object.body), Buffer.from('\n')]);
      values.push(value);
      offset += value.length;
    });
    const head = Buffer.from(`${index.join(' ')}\n`, 'latin1');
    const data = deflateSync(Buffer.concat([head, ...values]), { level: 7, memLevel: 9 });
    entries.set(num, [1, length, 0]);
    write(`${num} 0 obj\n<</Type /ObjStm /N ${group.length} /First ${head.length} /Filter /FlateDecode /Length ${data.length}>>stream\n`);
    write(data);
    write('\nendstream\nendobj\n');
  }

  // The cross-reference stream: 1 byte of type, then the offset or object stream, then the
  // generation or index, each in as few bytes as its largest value needs. Each row is written as its
  // difference from the row above (the PNG "Up" predictor): offsets grow row by row and most entries
  // name the same object stream, so the rows become runs of small numbers that compress to little.
  const xrefNum = next;
  const size = xrefNum + 1;
  entries.set(xrefNum, [1, length, 0]);
  const rows = Array.from({ length: size }, (_, n): [number, number, number] => entries.get(n) ?? [0, 0, n === 0 ? 0xffff : 0]);
  const w2 = bytesFor(rows.reduce((max, r) => Math.max(max, r[1]), 0));
  const w3 = bytesFor(rows.reduce((max, r) => Math.max(max, r[2]), 0));
  const columns = 1 + w2 + w3;
  const table = Buffer.alloc(size * columns);
  rows.forEach(([type, a, b], n) => {
    table.writeUInt8(type, n * columns);
    table.writeUIntBE(a, n * columns + 1, w2);
    table.writeUIntBE(b, n * columns + 1 + w2, w3);
  });
  const data = deflateSync(upPredicted(table, columns), { level: 9 });
  const xrefAt = length;
  const trailer = [`/Root ${root}`, ...(info ? [`/Info ${info}`] : []), ...(file.id ? [`/ID ${file.id}`] : [])].join(' ');
  write(`${xrefNum} 0 obj\n<</Type /XRef /Size ${size} /W [1 ${w2} ${w3}] ${trailer} /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns ${columns}>> /Length ${data.length}>>stream\n`);
  write(data);
  write(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  if (length > 0xffffffff) return pdf;
  return Buffer.concat(chunks, length);
}

/** Objects per object stream: a viewer inflates one whole stream to reach any object in it. */
const OBJECTS_PER_STREAM = 1000;

/** Bytes needed to write a value (at least 1; at most 4, the offsets a 4 GB file can have). */
function bytesFor(max: number): number {
  return max < 0x100 ? 1 : max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
}

/** Rows of `columns` bytes, each preceded by PNG filter type 2 (Up) and written as its difference from the row above. */
function upPredicted(table: Buffer, columns: number): Buffer {
  const rows = table.length / columns;
  const out = Buffer.alloc(rows * (columns + 1));
  for (let r = 0; r < rows; r++) {
    out[r * (columns + 1)] = 2;
    for (let c = 0; c < columns; c++) {
      const above = r > 0 ? table[(r - 1) * columns + c]! : 0;
      out[r * (columns + 1) + 1 + c] = (table[r * columns + c]! - above) & 0xff;
    }
  }
  return out;
}

function trimmed(body: Buffer): Buffer {
  let start = 0;
  let end = body.length;
  while (start < end && isSpace(body[start]!)) start++;
  while (end > start && isSpace(body[end - 1]!)) end--;
  return body.subarray(start, end);
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
