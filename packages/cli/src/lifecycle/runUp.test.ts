import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT_CODE } from '@slipway/core/errors';
import { runCli } from '../testing/runCli.js';

let work: string;
let dir: string;

beforeAll(async () => {
  vi.stubEnv('SLIPWAY_TELEMETRY', '0');
  work = mkdtempSync(join(tmpdir(), 'slipway-up-exit-'));
  dir = join(work, 'acme');
  const created = await runCli(['create', dir, '--name', 'acme', '--modules', '', '--yes']);
  expect(created.code, created.stderr).toBe(0);
  // A stamp that is not JSON fails the doctor step's project check.
  writeFileSync(join(dir, '.slipway/project.json'), '{ not json');
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

describe('slipway up exit codes', () => {
  it('a failing up --json and a failing up exit with the same code, the error’s', async () => {
    const json = await runCli(['up', dir, '--only', 'doctor', '--no-deploy', '--json']);
    const result = JSON.parse(json.stdout) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    const code = EXIT_CODE[result.error.code as keyof typeof EXIT_CODE];
    expect(code).toBeGreaterThan(1);
    expect(json.code).toBe(code);
    const plain = await runCli(['up', dir, '--only', 'doctor', '--no-deploy']);
    expect(plain.stderr).toMatch(/^\[BLOCKING\] Project: .*project\.json is not valid JSON/m);
    expect(plain.code).toBe(code);
  });

  it('up --config creates the project as the first step of the run', async () => {
    const config = join(work, 'setup.yaml');
    writeFileSync(config, 'project: { name: cfgapp }\nmodules: []\n');
    const target = join(work, 'cfgapp');
    const { code, stdout } = await runCli([
      'up',
      target,
      '--config',
      config,
      '--only',
      'report',
      '--no-deploy',
    ]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/✔ create \d+ms/);
    expect(stdout).toContain('2 ran, 0 cached');
    const status = await runCli(['status', target]);
    expect(status.stdout).toMatch(/Last run .*\n {2}✔ create +succeeded/);
    const logs = await runCli(['logs', 'create', '-C', target]);
    expect(logs.stdout).toContain('created cfgapp (@cfgapp/*) from saas@');
    const state = JSON.parse(readFileSync(join(target, '.slipway/state.json'), 'utf8'));
    expect(state.steps.create.cacheKey).toMatch(/^[0-9a-f]{64}$/);
  });
});
