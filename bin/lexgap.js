#!/usr/bin/env node
// Runs the bundle that `npm run build` writes (scripts/bundle.mjs). Node's compile cache is switched
// on first, where the running Node has it, so that it covers everything imported after.
import { enableCompileCache } from '../dist/bundle/compile-cache.js';

enableCompileCache();
const { main } = await import('../dist/bundle/lexgap.js');
await main(process.argv);
