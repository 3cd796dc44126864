// Prints bench/up/foreign.sh's figures: the no-op up on the foreign repo against turbo.
// Usage: node bench/up/reportForeign.mjs <work dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const work = process.argv[2];
const noop = JSON.parse(readFileSync(join(work, 'noop.json'), 'utf8'));
const median = (name) => Math.round(noop.results.find((r) => r.command === name).median * 1000);
const up = median('slipway up (no-op, foreign pnpm + turbo)');
const turbo = median('turbo run build (full cache hit)');
const node = median('node startup');
console.log(`\nno-op slipway up, foreign pnpm + turbo: ${up} ms median (target ≤ 300 ms)`);
console.log(`turbo run build, full cache hit:        ${turbo} ms median`);
console.log(`node startup:                           ${node} ms median`);
console.log(`ratio no-op up / turbo hit:             ${(up / turbo).toFixed(2)}×`);
