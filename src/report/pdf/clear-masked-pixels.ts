import { deflateSync, inflateSync } from 'node:zlib';
import type { PdfObject } from './pdf-objects.js';

/**
 * Where Chromium rasterises a fill with transparency (a striped banner over a page-sized tile), it
 * writes the colour of every pixel, including the ones its soft mask makes fully transparent, and
 * those hold whatever was in memory: noise that does not compress (1.3 MB in the Malaysian report of
 * the evening's profile, where the same tile is 4 KB in others). A pixel whose mask is 0 is never
 * seen, so this writes each such pixel in the colour of the one before it, and the image compresses
 * to almost nothing; every visible pixel keeps its colour.
 *
 * Only 8-bit RGB images with an 8-bit grey soft mask of the same size, both Flate-compressed with no
 * predictor and no /Matte, are rewritten; anything else is copied as it is.
 */
export function clearMaskedPixels(objects: readonly PdfObject[]): PdfObject[] {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const out: PdfObject[] = [];
  for (const object of objects) {
    out.push(object.isStream ? (cleared(object, byNum) ?? object) : object);
  }
  return out;
}

function cleared(object: PdfObject, byNum: ReadonlyMap<number, PdfObject>): PdfObject | null {
  const image = imageStream(object);
  if (!image || !/\/ColorSpace\s*\/DeviceRGB\b/.test(image.dict)) return null;
  const mask = /\/SMask\s+(\d+)\s+0\s+R/.exec(image.dict);
  const maskObject = mask ? byNum.get(Number(mask[1])) : undefined;
  const alpha = maskObject ? imageStream(maskObject) : null;
  if (!alpha || !/\/ColorSpace\s*\/DeviceGray\b/.test(alpha.dict) || /\/Matte\b/.test(alpha.dict)) return null;
  if (alpha.width !== image.width || alpha.height !== image.height) return null;
  let rgb: Buffer;
  let a: Buffer;
  try {
    rgb = inflateSync(image.data);
    a = inflateSync(alpha.data);
  } catch {
    return null;
  }
  const pixels = image.width * image.height;
  if (rgb.length !== pixels * 3 || a.length !== pixels) return null;
  let changed = false;
  for (let p = 0; p < pixels; p++) {
    if (a[p] !== 0) continue;
    const at = p * 3;
    const from = p > 0 ? at - 3 : -1;
    const r = from >= 0 ? rgb[from]! : 0;
    const g = from >= 0 ? rgb[from + 1]! : 0;
    const b = from >= 0 ? rgb[from + 2]! : 0;
    if (rgb[at] !== r || rgb[at + 1] !== g || rgb[at + 2] !== b) {
      rgb[at] = r;
      rgb[at + 1] = g;
      rgb[at + 2] = b;
      changed = true;
    }
  }
  if (!changed) return null;
  const data = deflateSync(rgb, { level: 9 });
  if (data.length >= image.data.length) return null;
  const dict = image.dict.replace(/\/Length\s+\d+/, `/Length ${data.length}`);
  return { ...object, body: Buffer.concat([Buffer.from(`${dict}stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]) };
}

/** An 8-bit Flate-compressed image XObject without a predictor: its dictionary, size and compressed data. */
function imageStream(object: PdfObject): { dict: string; width: number; height: number; data: Buffer } | null {
  if (!object.isStream) return null;
  const head = object.body.toString('latin1', 0, Math.min(object.body.length, 1024));
  const m = /^\s*(<<[\s\S]*?>>)\s*stream\r?\n/.exec(head);
  if (!m) return null;
  const dict = m[1]!;
  if (!/\/Subtype\s*\/Image\b/.test(dict) || !/\/BitsPerComponent\s+8\b/.test(dict) || /\/DecodeParms|\/Decode\b/.test(dict)) return null;
  if (!/^<<[^<>]*>>$/.test(dict) || !/\/Filter\s*\/FlateDecode\s*\//.test(`${dict.slice(0, -2)}/`)) return null;
  const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1]);
  const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1]);
  const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
  if (!width || !height || !Number.isFinite(length) || m[0].length + length > object.body.length) return null;
  return { dict, width, height, data: object.body.subarray(m[0].length, m[0].length + length) };
}
