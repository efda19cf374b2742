import { parseDocument, LineCounter, visit, isScalar, isMap, isSeq, isPair } from 'yaml';
const text = `a: plain value  # c
b: >-
  folded
  more

c:
  - x
  - {k: v, l: [1, 2]}   
  - |
    lit

d: "q"
e:
f: multi
  line plain
g:
  h: 1
  i: 2 # c

j: last
`;
const doc = parseDocument(text);
visit(doc, { Node(key, node) { console.log(node.constructor.name, JSON.stringify(text.slice(node.range[0], node.range[1])), node.range); } });
