import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PNPM_STORE,
  freePort,
  jsonFrom,
  pnpm,
  slipway,
  start,
  stop,
  waitForHttp,
} from './support.js';

const work = mkdtempSync(join(tmpdir(), 'slipway-e2e-'));
// Telemetry and instance secrets go to a home of the test's own; installs keep the shared store.
process.env.SLIPWAY_HOME = join(work, 'home');
process.env.SLIPWAY_PNPM_STORE = PNPM_STORE;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Module combinations proven end to end: none, each alone, and all together. */
const COMBINATIONS: ReadonlyArray<readonly string[]> = [[], ['access'], ['kb'], ['access', 'kb']];

/** A path each module serves when it is included, checked on the running API. */
const MODULE_PROBES: Record<string, string> = {
  access: '/api/access/me',
  kb: '/api/kb/documents',
};

describe.each(COMBINATIONS.map((modules) => [modules.join('+') || 'no modules', modules] as const))(
  'saas with %s',
  (label, modules) => {
    const dir = join(work, `app-${modules.join('-') || 'bare'}`);
    let built = false;

    it('is created, installs, builds and passes its tests', async () => {
      const created = await slipway(
        [
          'create',
          dir,
          '--name',
          'acme',
          '--repo-name',
          `acme-${label.replace(/\W+/g, '-')}`,
          '--modules',
          modules.join(','),
          '--yes',
        ],
        work,
      );
      expect(created.output).toContain('post-create validation: passed');
      expect(created.code).toBe(0);
      // No lockfile is generated, and CI=true would otherwise make pnpm insist on one.
      await pnpm(
        [
          'install',
          '--store-dir',
          PNPM_STORE,
          '--prefer-offline',
          '--no-frozen-lockfile',
          '--reporter=append-only',
        ],
        dir,
      );
      await pnpm(['build'], dir);
      await pnpm(['test'], dir);
      built = true;
    });

    it('serves /api/health from the built API on the embedded database', async (context) => {
      if (!built) return context.skip('the project did not build');
      const port = await freePort();
      const api = start(process.execPath, ['apps/api/dist/server.js'], {
        cwd: dir,
        env: { PORT: String(port), DATABASE_URL: '' },
      });
      try {
        const health = await waitForHttp(`http://127.0.0.1:${port}/api/health`, {
          timeoutMs: 60_000,
          owner: api,
        });
        expect(health.status, api.log()).toBe(200);
        for (const module of modules) {
          const probe = MODULE_PROBES[module] ?? '/';
          const response = await fetch(`http://127.0.0.1:${port}${probe}`);
          expect(response.status, `${probe}: ${api.log()}`).toBeLessThan(500);
          expect(response.status, `${probe} must be routed`).not.toBe(404);
        }
        const stamp = JSON.parse(readFileSync(join(dir, '.slipway/project.json'), 'utf8'));
        expect(stamp.modules).toEqual([...modules]);
      } finally {
        await stop(api.child);
      }
    });

    it('goes through slipway up to a healthy deployed instance', async (context) => {
      if (!built) return context.skip('the project did not build');
      const result = await slipway(['up', dir, '--json'], work);
      try {
        const json = jsonFrom<{
          ok: boolean;
          steps: Record<string, { status: string; outcome?: { url?: string } }>;
        }>(result.output);
        expect(json.ok, result.output).toBe(true);
        const url = json.steps.health?.outcome?.url;
        expect(typeof url, result.output).toBe('string');
        expect((await fetch(new URL('/api/health', String(url)))).status).toBe(200);
      } finally {
        await slipway(['stop', dir], work);
      }
    });
  },
);
