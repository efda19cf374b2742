/**
 * Writes the document information Chromium cannot set (it puts its user agent in Creator): title,
 * author, subject and creator, as an incremental update appended to the file. The bytes Chromium
 * wrote are kept as they are; a PDF whose end is not the classic `xref … trailer` form is returned
 * unchanged rather than risked.
 */
export interface DocumentInfo {
  title: string;
  author: string | null;
  subject: string;
  creator: string;
}

export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo, now = new Date()): Uint8Array {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 4096)));
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return pdf;
  const prev = Number(end[1]);
  if (!Number.isSafeInteger(prev) || prev >= pdf.length) return pdf;
  const section = latin1(pdf.subarray(prev, pdf.length));
  if (!section.startsWith('xref')) return pdf; // a cross-reference stream: left alone
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(section);
  if (!trailer) return pdf;
  const dict = trailer[1]!;
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) return pdf;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict);
  const oldInfo = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  const old = oldInfo ? oldObject(pdf, Number(oldInfo[1]), Number(oldInfo[2])) : '';
  const created = /\/CreationDate\s*\((D:[0-9+\-Z']*)\)/.exec(old)?.[1] ?? pdfDate(now);
  const producer = /\/Producer\s*\(([^()\\]*)\)/.exec(old)?.[1];

  const n = Number(size[1]);
  const entries = [
    `/Title ${pdfString(info.title)}`,
    ...(info.author ? [`/Author ${pdfString(info.author)}`] : []),
    `/Subject ${pdfString(info.subject)}`,
    `/Creator ${pdfString(info.creator)}`,
    ...(producer ? [`/Producer ${pdfString(producer)}`] : []),
    `/CreationDate (${created})`,
    `/ModDate (${created})`,
  ];
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectAt = pdf.length + separator.length;
  const object = `${separator}${n} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const update =
    `${object}xref\n${n} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${n + 1}\n/Root ${root[1]}\n/Info ${n} 0 R${id ? `\n/ID ${id[1]}` : ''}\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.length);
  return out;
}

/** Text as a UTF-16BE hex string with a byte-order mark: any script, nothing to escape. */
function pdfString(text: string): string {
  const clean = text.replace(/[\u0000-\u001f]/g, ' ');
  let hex = 'FEFF';
  for (let i = 0; i < clean.length; i++) hex += clean.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

/** The text of object `num gen` (its dictionary only), found by its header; '' when not found. */
function oldObject(pdf: Uint8Array, num: number, gen: number): string {
  const text = latin1(pdf);
  const at = new RegExp(`(?:^|[\\r\\n])${num}\\s+${gen}\\s+obj\\b`).exec(text);
  if (!at) return '';
  const end = text.indexOf('endobj', at.index);
  return end < 0 ? '' : text.slice(at.index, Math.min(end, at.index + 4096));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
