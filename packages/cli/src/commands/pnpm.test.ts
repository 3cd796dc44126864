import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPnpm } from './pnpm.js';

describe('the bundled pnpm', () => {
  it('exists and runs', () => {
    expect(existsSync(bundledPnpm())).toBe(true);
    expect(
      execFileSync(process.execPath, [bundledPnpm(), '--version'], { encoding: 'utf8' }).trim(),
    ).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // A generated project's `packageManager` must name the pnpm Slipway runs, or pnpm
  // would fetch another version on first use.
  it('is the version the built-in templates declare', () => {
    const version = execFileSync(process.execPath, [bundledPnpm(), '--version'], {
      encoding: 'utf8',
    }).trim();
    const manifest = readFileSync(
      new URL('../../../../templates/saas/files/package.json', import.meta.url),
      'utf8',
    );
    expect(manifest).toContain(`"packageManager": "pnpm@${version}"`);
  });
});
