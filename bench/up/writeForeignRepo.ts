// Writes the pnpm + turbo fixture (a Vite app and a Node API, made in test, not by
// `slipway create`) into the folder given, for bench/up/foreign.sh.
// Run: node --conditions=source --import ./packages/db/src/testing/registerTypescript.mjs bench/up/writeForeignRepo.ts <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PNPM_TURBO_REPO } from '../../packages/pipeline/src/testing/foreignRepos.js';

const target = resolve(process.argv[2] ?? 'turbo-shop');
for (const [path, text] of Object.entries(PNPM_TURBO_REPO)) {
  mkdirSync(dirname(join(target, path)), { recursive: true });
  writeFileSync(join(target, path), text);
}
console.log(`wrote ${target}`);
