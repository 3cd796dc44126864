import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest package.json above this module that belongs to @slipway/cli (src, dist or bundle). */
function readCliManifest(): { version: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (manifest.name === '@slipway/cli') return manifest;
    }
    if (dirname(dir) === dir) throw new Error('the @slipway/cli package.json was not found');
  }
}

/** The version of the Slipway CLI package, stamped into every project it creates. */
export const SLIPWAY_VERSION: string = readCliManifest().version;
