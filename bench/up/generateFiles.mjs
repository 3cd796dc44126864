// Makes <dir> hold exactly <count> small files, 1,000 per folder, with fixed contents so
// a re-run of the bench changes nothing. Usage: node bench/up/generateFiles.mjs <dir> <count>
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
rmSync(dir, { recursive: true, force: true });
for (let index = 0; index < count; index += 1) {
  const folder = join(dir, `d${Math.floor(index / 1000)}`);
  if (index % 1000 === 0) mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `f${index}.txt`), `bench file ${index}\n`);
}
