#!/usr/bin/env node
// The `slipway` executable: runs the bundled CLI (dist/bundle, fast start-up), or the
// plain tsc output when no bundle was made. `npm ci` at the repository root builds both
// (the root `prepare` script), so `npx slipway` works right after install.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const plain = new URL('../dist/main.js', import.meta.url);
const entry = existsSync(bundle) ? bundle : plain;
if (!existsSync(entry)) {
  console.error('[BLOCKING] CLI: Slipway is not built yet');
  console.error('  → Run: npm run build   (at the Slipway repository root)');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
