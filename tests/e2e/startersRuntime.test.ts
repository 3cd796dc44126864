import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferContract } from '@slipway/pipeline';
import {
  renderCreateNextApp,
  renderCreateVite,
  standInForGoogleFonts,
} from '@slipway/pipeline/testing';
import { ARTIFACT_MANIFEST, createHealthChecker, createProcessDriver } from '@slipway/runtime';
import { runOk } from './support.js';

// The real starters, installed and built with their own scripts, started by the runtime
// with nothing but what inference found: the app's `start` argv (the runtime's static
// server for create-vite, the app's own `next start` for create-next-app), its port
// passed in and its health path. `slipway up` adds install/build/package around this.
const work = mkdtempSync(join(tmpdir(), 'slipway-starters-'));
const project = join(work, 'project');
mkdirSync(join(project, '.slipway'), { recursive: true });
const driver = createProcessDriver({ projectDir: project });

afterAll(async () => {
  await driver.remove();
  rmSync(work, { recursive: true, force: true });
});

/** Installs and builds `dir` with npm, as its README says, then starts it as inferred. */
async function startAsInferred(dir: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  await runOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
  await runOk('npm', ['run', 'build'], { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const { contract } = inferContract(dir);
  const app = contract.apps.find((candidate) => candidate.name === contract.artifact?.app);
  expect(app?.path).toBe('.');
  const manifest = { start: app?.start, healthPath: app?.healthPath };
  writeFileSync(join(dir, ARTIFACT_MANIFEST), JSON.stringify(manifest));
  const instance = await driver.start({ artifact: dir });
  const checker = createHealthChecker({ projectDir: project, path: app?.healthPath });
  await checker.check({ url: instance.url, timeoutMs: 120_000 });
  return instance.url;
}

describe('real starters run on their inferred contract', () => {
  it('create-vite react-ts: the runtime serves its build', async () => {
    const dir = join(work, 'vite-shop');
    renderCreateVite(dir, 'vite-shop');
    const url = await startAsInferred(dir);
    const page = await (await fetch(url)).text();
    expect(page).toContain('<div id="root"></div>');
    expect((await fetch(new URL('/some/client/route', url))).status).toBe(200);
  });

  it('create-next-app app router: next start on the port the runtime chose', async () => {
    const dir = join(work, 'next-shop');
    renderCreateNextApp(dir, 'next-shop');
    const fonts = await standInForGoogleFonts(work);
    try {
      const url = await startAsInferred(dir, fonts.env);
      expect(await (await fetch(url)).text()).toMatch(/<html/);
    } finally {
      await fonts.close();
    }
  });
});
