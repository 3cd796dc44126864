import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packagesDir = new URL('../../', import.meta.url).pathname;

/** Every `source` entry of every workspace package's `exports` map. */
function sourceExports(): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const dir of readdirSync(packagesDir)) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      exports?: Record<string, string | { source?: string }>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target === 'object' && target.source) {
        entries.push([`${dir} ${subpath}`, join(packagesDir, dir, target.source)]);
      }
    }
  }
  return entries;
}

describe('workspace package exports', () => {
  it.each(sourceExports())('%s points at a file that exists', (_name, path) => {
    expect(existsSync(path), path).toBe(true);
  });
});
