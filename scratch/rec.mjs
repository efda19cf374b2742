import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { FAST_OPTIONS } from '../dist/yaml/fast-parse.js';
const text = readFileSync('countries/TH.yaml', 'utf8');
const plain = () => { const starts = []; return (e, s) => { if (e === 'open') { starts.push(s.position); return; } starts.pop(); if (s.anchor !== null) throw 1; }; };
const rec = () => { const starts = []; const ev = []; const res = []; return (e, s) => { if (e === 'open') { starts.push(s.position); ev.push(s.position); return; } starts.pop(); ev.push(~s.position); res.push(s.kind, s.result); if (s.anchor !== null) throw 1; }; };
for (const [name, mk] of [['plain', plain], ['rec', rec], ['plain', plain], ['rec', rec]]) {
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) jsyaml.load(text, { ...FAST_OPTIONS, listener: mk() });
  console.log(name, ((performance.now() - t0) / 200).toFixed(2), 'ms');
}
