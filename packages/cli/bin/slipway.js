#!/usr/bin/env node
// The `slipway` executable: runs the compiled CLI. `npm ci` at the repository root
// builds it (the root `prepare` script), so `npx slipway` works right after install.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('[BLOCKING] CLI: Slipway is not built yet');
  console.error('  → Run: npm run build   (at the Slipway repository root)');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
