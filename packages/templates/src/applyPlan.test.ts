import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from './applyPlan.js';
import { comparePlan, unifiedDiff } from './comparePlan.js';
import { loadTemplate } from './loadTemplate.js';
import { planProject } from './planProject.js';
import { manifest, testdir } from './testing/testdir.js';

const makePlan = (files: Record<string, string> = {}) =>
  planProject({
    template: loadTemplate(
      testdir({
        'template.yaml': manifest('env: [{ name: TOKEN, description: A token, secret: true }]\n'),
        'files/a.txt': 'a',
        'files/src/b.txt': 'b {{ project.name }}',
        'files/bin/run.sh': '#!/bin/sh\necho hi\n',
        ...files,
      }),
    ),
    input: { project: { name: 'acme' } },
    slipwayVersion: '0.1.0',
  });

describe('applyPlan', () => {
  it('writes a new project with its stamp', async () => {
    const target = join(testdir(), 'out', 'acme');
    const result = await applyPlan(makePlan(), { targetDir: target });
    expect(result.written).toBeGreaterThan(3);
    expect(readFileSync(join(target, 'src/b.txt'), 'utf8')).toBe('b acme');
    expect(existsSync(join(target, '.slipway/project.json'))).toBe(true);
    expect(readdirSync(dirname(target))).toEqual(['acme']);
  });

  it('fills an existing empty folder', async () => {
    const target = testdir();
    await applyPlan(makePlan(), { targetDir: target });
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('a');
  });

  it('leaves nothing behind when a write fails midway', async () => {
    const parent = testdir();
    const target = join(parent, 'acme');
    let count = 0;
    const failing = async (path: string, data: Buffer) => {
      count += 1;
      if (count === 3) throw new Error('ENOSPC: no space left on device');
      await writeFile(path, data);
    };
    await expect(
      applyPlan(makePlan(), { targetDir: target, writeFile: failing }),
    ).rejects.toMatchObject({
      code: 'TARGET_WRITE_FAILED',
      message: expect.stringContaining('nothing was changed'),
    });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('stops on abort and removes the staging folder', async () => {
    const parent = testdir();
    const controller = new AbortController();
    const aborting = async (path: string, data: Buffer) => {
      controller.abort();
      await writeFile(path, data);
    };
    await expect(
      applyPlan(makePlan(), {
        targetDir: join(parent, 'acme'),
        signal: controller.signal,
        writeFile: aborting,
      }),
    ).rejects.toMatchObject({ code: 'INTERRUPTED' });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('clears staging left by a killed process, and leaves a live one alone', async () => {
    const parent = testdir();
    const dead = join(parent, '.acme.slipway-tmp-999999999-abc');
    const live = join(parent, `.acme.slipway-tmp-${process.pid}-def`);
    mkdirSync(dead);
    mkdirSync(live);
    await applyPlan(makePlan(), { targetDir: join(parent, 'acme') });
    expect(readdirSync(parent).sort()).toEqual([live.split('/').pop(), 'acme'].sort());
  });

  it('refuses a non-empty target without force and writes nothing', async () => {
    const target = testdir({ 'mine.txt': 'user data' });
    await expect(applyPlan(makePlan(), { targetDir: target })).rejects.toMatchObject({
      code: 'TARGET_NOT_EMPTY',
    });
    expect(readdirSync(target)).toEqual(['mine.txt']);
  });

  it('with force, replaces generated files, keeps user files and never overwrites .env.local', async () => {
    const target = testdir({
      'mine.txt': 'user data',
      'a.txt': 'old',
      '.env.local': 'TOKEN=mine\n',
    });
    const result = await applyPlan(makePlan(), { targetDir: target, force: true });
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('a');
    expect(readFileSync(join(target, 'mine.txt'), 'utf8')).toBe('user data');
    expect(readFileSync(join(target, '.env.local'), 'utf8')).toBe('TOKEN=mine\n');
    expect(result.kept).toEqual(['.env.local']);
    expect(readdirSync(dirname(target)).filter((n) => n.includes('slipway-tmp'))).toEqual([]);
  });

  // Regression: .env.local (OIDC client secret, AI keys) was written with mode 0644.
  it('writes .env.local with mode 0600 and keeps it 0600 on --force', async () => {
    const fresh = join(testdir({}), 'app');
    await applyPlan(makePlan(), { targetDir: fresh });
    expect(statSync(join(fresh, '.env.local')).mode & 0o777).toBe(0o600);
    const rerun = await applyPlan(makePlan(), { targetDir: fresh, force: true });
    expect(rerun.kept).toEqual(['.env.local']);
    expect(statSync(join(fresh, '.env.local')).mode & 0o777).toBe(0o600);
    const older = testdir({ 'a.txt': 'old', '.env.local': 'TOKEN=mine\n' });
    chmodSync(join(older, '.env.local'), 0o644);
    await applyPlan(makePlan(), { targetDir: older, force: true });
    expect(statSync(join(older, '.env.local')).mode & 0o777).toBe(0o600);
  });

  it('keeps the executable bit', async () => {
    const templateDir = testdir({
      'template.yaml': manifest(),
      'files/run.sh': '#!/bin/sh\n',
      'files/plain.txt': '',
    });
    chmodSync(join(templateDir, 'files/run.sh'), 0o755);
    const plan = planProject({
      template: loadTemplate(templateDir),
      input: { project: { name: 'acme' } },
      slipwayVersion: '0.1.0',
    });
    const target = join(testdir(), 'acme');
    await applyPlan(plan, { targetDir: target });
    expect(statSync(join(target, 'run.sh')).mode & 0o111).not.toBe(0);
    expect(statSync(join(target, 'plain.txt')).mode & 0o111).toBe(0);
  });
});

describe('comparePlan', () => {
  it('classifies files against an existing target and diffs changes', () => {
    const target = testdir({ 'a.txt': 'a', 'src/b.txt': 'old', '.env.local': 'x' });
    const changes = comparePlan(makePlan(), target);
    const kinds = Object.fromEntries(changes.map((c) => [c.path, c.kind]));
    expect(kinds).toMatchObject({
      'a.txt': 'unchanged',
      'src/b.txt': 'modify',
      '.env.local': 'keep',
      'bin/run.sh': 'add',
    });
    const modified = changes.find((c) => c.path === 'src/b.txt');
    const patch = modified ? unifiedDiff(modified) : '';
    expect(patch).toContain('--- a/src/b.txt');
    expect(patch).toMatch(/^-old$/m);
    expect(patch).toMatch(/^\+b acme$/m);
  });

  it('reads nothing it should not write', () => {
    const target = testdir();
    mkdirSync(join(target, 'src'));
    writeFileSync(join(target, 'src/b.txt'), 'b acme');
    expect(comparePlan(makePlan(), target).find((c) => c.path === 'src/b.txt')?.kind).toBe(
      'unchanged',
    );
  });
});
