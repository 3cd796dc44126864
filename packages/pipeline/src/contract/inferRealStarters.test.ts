import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCreateNextApp, renderCreateVite } from '../testing/realStarters.js';
import { testdir } from '../testing/testdir.js';
import { inferContract } from './inferContract.js';

// The starters come from the npm registry (`npm pack`, cached in the temp folder).
describe('inferContract on real starters', () => {
  it('reads a create-vite react-ts app as a static site built by `vite build`', () => {
    const dir = join(testdir(), 'vite-shop');
    renderCreateVite(dir, 'vite-shop');
    const { contract } = inferContract(dir);
    expect(contract).toMatchObject({
      packageManager: { name: 'npm' },
      runner: 'none',
      scripts: { build: 'build', lint: 'lint' },
      apps: [
        {
          name: 'vite-shop',
          path: '.',
          kind: 'static',
          start: ['slipway-static', 'dist'],
          build: { output: ['dist'] },
          healthPath: '/',
        },
      ],
      artifact: { app: 'vite-shop', include: [] },
    });
  });

  it('reads a create-next-app app-router app as a web app on next start', () => {
    const dir = join(testdir(), 'next-shop');
    renderCreateNextApp(dir, 'next-shop');
    const { contract, notes } = inferContract(dir);
    expect(contract).toMatchObject({
      packageManager: { name: 'npm' },
      scripts: { build: 'build', lint: 'lint' },
      apps: [
        {
          name: 'next-shop',
          kind: 'web',
          start: ['next', 'start', '--port', '${PORT}'],
          port: 3000,
          build: { output: ['.next'] },
          healthPath: '/',
        },
      ],
      artifact: { app: 'next-shop' },
    });
    expect(notes).toContain("  port 3000 (the framework's default)");
  });
});
