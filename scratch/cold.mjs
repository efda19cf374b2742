import { readFileSync } from 'node:fs';
const { fastParse } = await import(process.argv[2] + '/dist/yaml/fast-parse.js');
const text = readFileSync('countries/TH.yaml', 'utf8');
const t0 = performance.now();
const r = fastParse(text);
const t1 = performance.now();
fastParse(text);
const t2 = performance.now();
console.log((t1 - t0).toFixed(1), (t2 - t1).toFixed(1), !!r);
