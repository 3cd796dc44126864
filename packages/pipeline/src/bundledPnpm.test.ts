import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPnpm, bundledPnpmVersion } from './bundledPnpm.js';

describe('the bundled pnpm', () => {
  it('exists, runs, and reports the version its manifest names', () => {
    expect(existsSync(bundledPnpm())).toBe(true);
    const version = execFileSync(process.execPath, [bundledPnpm(), '--version'], {
      encoding: 'utf8',
    }).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(bundledPnpmVersion()).toBe(version);
  });

  // A generated project's `packageManager` must name the pnpm Slipway runs, or pnpm
  // would fetch another version on first use.
  it('is the version the built-in templates declare', () => {
    const manifest = readFileSync(
      new URL('../../../templates/saas/files/package.json', import.meta.url),
      'utf8',
    );
    expect(manifest).toContain(`"packageManager": "pnpm@${bundledPnpmVersion()}"`);
  });
});
