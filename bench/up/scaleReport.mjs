// Prints the scale series: per size, the no-op `up` and turbo's full cache hit (median and
// range), their ratio, and the one-edit re-run. Usage: node bench/up/scaleReport.mjs <out dir>
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const ms = (seconds) => Math.round(seconds * 1000);
const read = (name) => JSON.parse(readFileSync(join(out, name), 'utf8')).results;
const cell = (result) => `${ms(result.median)} (${ms(result.min)}–${ms(result.max)})`;

console.log('| extra files | no-op up, ms | turbo hit, ms | ratio | one edit, ms |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const size of [0, 1000, 10000, 100000]) {
  if (!existsSync(join(out, `noop-${size}.json`))) continue;
  const [up, turbo] = read(`noop-${size}.json`);
  const [edit] = read(`edit-${size}.json`);
  const ratio = (up.median / turbo.median).toFixed(2);
  console.log(`| ${size} | ${cell(up)} | ${cell(turbo)} | ${ratio}× | ${cell(edit)} |`);
}
