import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPnpmVersion } from './bundledPnpm.js';
import { pnpmShimDir } from './pnpmShim.js';
import { testdir } from './testing/testdir.js';

describe('pnpmShimDir', () => {
  it('regression: turbo found no pnpm binary on a machine without pnpm — the shim answers as pnpm', () => {
    const home = testdir();
    const dir = pnpmShimDir(home);
    const shim = join(dir, 'pnpm');
    expect(statSync(shim).mode & 0o111).not.toBe(0);
    // Run by name from PATH alone, as turbo does.
    const version = execFileSync('pnpm', ['--version'], {
      env: { PATH: `${dir}:/usr/bin:/bin` },
      encoding: 'utf8',
    });
    expect(version.trim()).toBe(bundledPnpmVersion());
  });

  it('rewrites a shim that points elsewhere (another Node, a moved install)', () => {
    const home = testdir();
    const shim = join(pnpmShimDir(home), 'pnpm');
    writeFileSync(shim, '#!/bin/sh\nexit 1\n');
    pnpmShimDir(home);
    expect(execFileSync(shim, ['--version'], { encoding: 'utf8' }).trim()).toBe(
      bundledPnpmVersion(),
    );
  });
});
