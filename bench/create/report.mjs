// Prints medians from hyperfine's JSON export and the ratios the issue asks for.
import { readFileSync } from 'node:fs';

const { results } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const median = (name) => results.find((r) => r.command === name)?.median * 1000;
const rows = results.map((r) => [
  r.command,
  (r.median * 1000).toFixed(1),
  (r.stddev * 1000).toFixed(1),
]);
console.log('\ncommand                        median ms   stddev ms');
for (const [name, med, sd] of rows)
  console.log(`${name.padEnd(30)} ${med.padStart(9)} ${sd.padStart(11)}`);
const create = median('slipway create');
const ratio = (other) => (create / median(other)).toFixed(2);
console.log(`\nslipway create / plop (same files):      ${ratio('plop (same files)')}x`);
console.log(`slipway create / write-only floor:       ${ratio('write-only floor (node)')}x`);
console.log(
  `slipway create above node startup:       ${(create - median('node startup')).toFixed(1)} ms`,
);
console.log(
  `target: full template under 1000 ms -> ${create < 1000 ? 'met' : 'NOT met'} (${create.toFixed(0)} ms)`,
);
