import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The pnpm entry point Slipway ships with (run it with `process.execPath`), so users never
 * install pnpm themselves.
 */
export function bundledPnpm(): string {
  // pnpm exports only its package.json (as "."): locate that and join the bin path.
  return join(dirname(require.resolve('pnpm')), 'bin', 'pnpm.cjs');
}

/** The bundled pnpm's version, read from its manifest (no process is spawned). */
export function bundledPnpmVersion(): string {
  const manifest = join(dirname(bundledPnpm()), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
