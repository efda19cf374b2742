import { Document, isScalar, parseDocument, visit, type Scalar } from 'yaml';

/** Lines as long as the shipped profiles': a reviewer reads new text as they read the old. */
const LINE_WIDTH = 100;
const KEY = '__lexgap_key__';

/** A key as the user typed it, quoted only when YAML would read it as something else. */
export function renderKey(key: string): string {
  return plainIsSafe(key, false) && !key.includes(':') ? key : JSON.stringify(key);
}

/**
 * `key: value` as block YAML, every line indented by `indent` spaces and ending with a newline.
 * Long and multi-line text becomes a folded or literal block; lists of plain values are written
 * on one line (`[a, b]`), as the shipped profiles write them.
 */
export function renderPair(key: string, value: unknown, indent: number): string {
  const doc = new Document({ [KEY]: value }, { version: '1.2' });
  styleNodes(doc, indent + 2);
  const text = doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: false, indentSeq: true });
  return reindent(text.replace(KEY, renderKey(key)), indent);
}

/** `- value` as a block list item, indented by `indent` spaces, ending with a newline. */
export function renderItem(value: unknown, indent: number): string {
  const doc = new Document([value], { version: '1.2' });
  styleNodes(doc, indent + 2);
  return reindent(doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: false }), indent);
}

/**
 * A scalar written where `original` stood, in its style: quoted stays quoted the same way, plain
 * stays plain while plain reads back as the same value, a block stays a block. `inFlow`: inside
 * `{…}` or `[…]`, where a block cannot stand and `,` `[` `]` `{` `}` need quotes.
 */
export function renderScalarLike(value: string | number | boolean | null, original: Scalar | undefined, inFlow: boolean, indent: number): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  const type = original?.type;
  if (!inFlow && (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL' || value.includes('\n'))) {
    // The block, with its header, from a one-pair document; its trailing newline is the caller's.
    const pair = renderPair('k', value, indent - 2);
    const block = pair.slice(pair.indexOf(':') + 2);
    if (/^[|>]/.test(block)) return block.replace(/\n$/, '');
  }
  if (type === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (type !== 'QUOTE_DOUBLE' && plainIsSafe(value, inFlow)) return value;
  return JSON.stringify(value);
}

/** A plain scalar is safe when it reads back as the same string, on one line. */
export function plainIsSafe(text: string, inFlow: boolean): boolean {
  if (text === '' || text.length > 200 || /[\n\r\t]|^\s|\s$| #|: |:$/.test(text)) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  try {
    const doc = parseDocument(inFlow ? `[${text}]` : `k: ${text}`, { version: '1.2' });
    if (doc.errors.length) return false;
    const read = doc.toJS() as unknown;
    return inFlow ? Array.isArray(read) && read.length === 1 && read[0] === text : (read as { k?: unknown })?.k === text;
  } catch {
    return false;
  }
}

/** Lists of plain values on one line; long or multi-line text as a block. */
function styleNodes(doc: Document, indent: number): void {
  visit(doc, {
    Seq(_, node) {
      const short = (i: unknown) => isScalar(i) && String(i.value).length < 40 && !String(i.value).includes('\n');
      if (node.items.length > 0 && node.items.every(short)) node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (node.value.length > LINE_WIDTH - indent - 12 && !/^\s|\s$/.test(node.value)) node.type = 'BLOCK_FOLDED';
    },
  });
}

function reindent(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
