import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';
import { flagNames, parseConcurrency, parseSteps } from './upFlags.js';

describe('slipway up flags', () => {
  it('parses step lists and refuses unknown steps', () => {
    expect(parseSteps('build, db:migrate', '--only')).toEqual(['build', 'db:migrate']);
    expect(parseSteps(undefined, '--only')).toBeUndefined();
    expect(() => parseSteps('biuld', '--skip')).toThrow(/--skip: "biuld" is not a step/);
  });

  it('checks --concurrency', () => {
    expect(parseConcurrency(undefined)).toBe(2);
    expect(parseConcurrency('4')).toBe(4);
    expect(() => parseConcurrency('0')).toThrow(/--concurrency/);
  });

  it('records flag names without values for telemetry', () => {
    expect(
      flagNames({ force: true, databaseUrl: 'postgres://u:secret@h/db', deploy: false }),
    ).toEqual(['--database-url', '--force', '--no-deploy']);
  });

  it('outside a project, up fails with PROJECT_NOT_FOUND and exit code 2', async () => {
    const { code, stderr } = await runCli(['up', '/nonexistent-slipway-dir', '--dry-run']);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a Slipway project');
  });

  it('with --config and no folder, --dry-run prints the create plan and writes nothing', async () => {
    const work = mkdtempSync(join(tmpdir(), 'slipway-up-config-'));
    try {
      writeFileSync(
        join(work, 'setup.yaml'),
        'template: saas\nproject: { name: cfgapp }\nmodules: []\n',
      );
      const target = join(work, 'cfgapp');
      const { code, stdout } = await runCli([
        'up',
        target,
        '--config',
        join(work, 'setup.yaml'),
        '--dry-run',
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain('the lifecycle is planned once the project exists');
      expect(existsSync(target)).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
