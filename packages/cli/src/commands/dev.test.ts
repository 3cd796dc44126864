import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const home = mkdtempSync(join(tmpdir(), 'slipway-dev-home-'));
const project = mkdtempSync(join(tmpdir(), 'slipway-dev-project-'));
const previousHome = process.env.SLIPWAY_HOME;
afterAll(() => {
  if (previousHome === undefined) delete process.env.SLIPWAY_HOME;
  else process.env.SLIPWAY_HOME = previousHome;
  for (const dir of [home, project]) rmSync(dir, { recursive: true, force: true });
});

describe('slipway dev', { timeout: 120_000 }, () => {
  it("runs the project's dev script with the scope's secrets in its environment", async () => {
    process.env.SLIPWAY_HOME = home;
    await runCli(['secrets', 'set', 'DEV_TOKEN', 'dev-token-value', '--scope', 'acme']);
    const script = "require('fs').writeFileSync('seen.txt', process.env.DEV_TOKEN || 'none')";
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'dev-test', private: true, scripts: { dev: `node -e "${script}"` } }),
    );
    const result = await runCli(['dev', project, '--scope', 'acme']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('injecting 1 secret(s): DEV_TOKEN');
    expect(result.stderr + result.stdout).not.toContain('dev-token-value');
    expect(readFileSync(join(project, 'seen.txt'), 'utf8')).toBe('dev-token-value');
  });
});
