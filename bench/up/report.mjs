// Prints bench/up's figures: the cold run's phase breakdown, then medians and ratios.
// Usage: node bench/up/report.mjs <work dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const work = process.argv[2];
const read = (name) => JSON.parse(readFileSync(join(work, name), 'utf8'));
const ms = (seconds) => Math.round(seconds * 1000);

const cold = read('cold.json');
console.log(
  `\ncold up: ${cold.status} in ${cold.durationMs} ms (target ≤ 90,000 ms with a warm store)`,
);
const order = Object.entries(cold.steps).filter(([, step]) => step.durationMs !== undefined);
const total = order.reduce((sum, [, step]) => sum + step.durationMs, 0);
for (const [name, step] of order) {
  const share = ((step.durationMs / total) * 100).toFixed(0).padStart(3);
  console.log(
    `  ${name.padEnd(11)} ${String(step.durationMs).padStart(7)} ms ${share}% of step time`,
  );
}
console.log(
  '  (steps overlap: typecheck, test and db run beside each other, so step time > wall time)',
);

const median = (file, name) => ms(read(file).results.find((r) => r.command === name).median);
const noop = median('noop.json', 'slipway up (no-op)');
const turbo = median('noop.json', 'turbo run build (full cache hit)');
const node = median('noop.json', 'node startup');
const resume = median('resume.json', 'slipway up (resume after fix)');
console.log(
  `\nno-op slipway up:                 ${noop} ms median (target ≤ 1,000 ms, aim ≤ 300 ms)`,
);
console.log(`turbo run build, full cache hit:  ${turbo} ms median`);
console.log(`node startup:                     ${node} ms median`);
console.log(`ratio no-op up / turbo hit:       ${(noop / turbo).toFixed(2)}×`);
console.log(
  `resume after a one-line fix:      ${resume} ms median (build + report rerun; the rest are hits)`,
);
