import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContractFile } from '@slipway/pipeline';
import { BUN_REPO, PNPM_TURBO_REPO, testdir } from '@slipway/pipeline/testing';
import { runCli } from '../testing/runCli.js';

describe('slipway init', () => {
  it('prints what it inferred and writes slipway.yaml with its schema, which reads back', async () => {
    const dir = testdir(PNPM_TURBO_REPO);
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('workspace runner: turbo (turbo.json)');
    expect(result.stdout).toContain(
      'app "api" (apps/api): a Node server (node src/server.js); kind api',
    );
    expect(result.stdout).toContain('Wrote');
    const yaml = readFileSync(join(dir, 'slipway.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Slipway lifecycle contract/);
    expect(yaml).toContain('$schema: https://');
    expect(readContractFile(dir)?.artifact).toEqual({ app: 'api', include: ['apps/web/dist'] });
  });

  it('writes nothing with --dry-run, and prints the file', async () => {
    const dir = testdir(PNPM_TURBO_REPO);
    const result = await runCli(['init', dir, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('start: [ slipway-static, dist ]');
    expect(existsSync(join(dir, 'slipway.yaml'))).toBe(false);
  });

  it('refuses to overwrite slipway.yaml without --force', async () => {
    const dir = testdir(PNPM_TURBO_REPO);
    writeFileSync(join(dir, 'slipway.yaml'), 'mine: true\n');
    const refused = await runCli(['init', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('slipway.yaml already exists');
    expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toBe('mine: true\n');
    const forced = await runCli(['init', dir, '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      ok: true,
      written: true,
      contract: { runner: 'turbo' },
    });
  });

  it('fails on an unsupported repository with one UNSUPPORTED error', async () => {
    const result = await runCli(['init', testdir(BUN_REPO), '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});

describe('slipway validate on slipway.yaml', () => {
  it('passes a written contract and fails a broken one with its field and line', async () => {
    const dir = testdir(PNPM_TURBO_REPO);
    await runCli(['init', dir]);
    const good = await runCli(['validate', dir]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✔ slipway.yaml');
    writeFileSync(join(dir, 'slipway.yaml'), 'packageManager:\n  name: bun\n');
    const bad = await runCli(['validate', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('packageManager.name (line 2)');
  });
});
