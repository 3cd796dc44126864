import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const home = mkdtempSync(join(tmpdir(), 'slipway-cli-home-'));
const previousHome = process.env.SLIPWAY_HOME;
beforeAll(() => {
  process.env.SLIPWAY_HOME = home;
});
afterAll(() => {
  if (previousHome === undefined) delete process.env.SLIPWAY_HOME;
  else process.env.SLIPWAY_HOME = previousHome;
  rmSync(home, { recursive: true, force: true });
});

describe('slipway secrets', { timeout: 60_000 }, () => {
  it('sets, lists without values, gets, and removes', async () => {
    expect((await runCli(['secrets', 'set', 'API_TOKEN', 'tok-secret-1'])).code).toBe(0);
    const list = await runCli(['secrets', 'list']);
    expect(list.stdout).toContain('API_TOKEN');
    expect(list.stdout).not.toContain('tok-secret-1');
    expect(readFileSync(join(home, 'secrets.json'), 'utf8')).not.toContain('tok-secret-1');
    expect((await runCli(['secrets', 'get', 'API_TOKEN'])).stdout).toBe('tok-secret-1\n');
    expect((await runCli(['secrets', 'rm', 'API_TOKEN'])).code).toBe(0);
    const missing = await runCli(['secrets', 'get', 'API_TOKEN']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No secret API_TOKEN');
  });

  it('materializes a 0600 env file for a command and removes it afterwards', async () => {
    await runCli(['secrets', 'set', 'DB_PASSWORD', 'pw-123456', '--scope', 'acme']);
    const report = join(home, 'report.json');
    const script = `const fs = require('node:fs'); const f = process.env.SLIPWAY_ENV_FILE;
fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ f, mode: fs.statSync(f).mode & 0o777, text: fs.readFileSync(f, 'utf8') })); process.exit(3);`;
    const result = await runCli([
      'secrets',
      'materialize',
      '--scope',
      'acme',
      '--',
      process.execPath,
      '-e',
      script,
    ]);
    expect(result.code).toBe(3);
    const seen = JSON.parse(readFileSync(report, 'utf8'));
    expect(seen).toMatchObject({ mode: 0o600, text: "DB_PASSWORD='pw-123456'\n" });
    expect(existsSync(seen.f)).toBe(false);
    expect(result.stdout + result.stderr).not.toContain('pw-123456');
  });
});
