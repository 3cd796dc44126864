// The floor: write the already-rendered files of the saas project (no template engine,
// no validation), the cost of just putting those bytes on disk from a Node process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [filesJson, out] = process.argv.slice(2);
const files = JSON.parse(readFileSync(filesJson, 'utf8'));
for (const file of files) {
  const target = join(out, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, Buffer.from(file.content, 'base64'));
}
