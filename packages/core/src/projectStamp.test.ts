import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAMP_PATH, findProjectStamp, readProjectStamp } from './projectStamp.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(stamp?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-stamp-'));
  made.push(dir);
  if (stamp !== undefined) {
    mkdirSync(join(dir, '.slipway'));
    writeFileSync(join(dir, STAMP_PATH), JSON.stringify(stamp));
  }
  return dir;
}

/** A stamp as wave 1 wrote it: no contract. */
const oldStamp = {
  schemaVersion: 1,
  template: { name: 'saas', version: '0.1.0', digest: 'sha256:x' },
  project: { name: 'a', repoName: 'a', displayName: 'a', description: '' },
  modules: [],
  moduleSettings: {},
  answers: { port: 3100 },
  auth: null,
  ai: { providers: [] },
  environments: {},
  slipwayVersion: '0.1.0',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('the project stamp', () => {
  it('reads a stamp written before stamps carried a contract', () => {
    expect(readProjectStamp(project(oldStamp))).toMatchObject({ template: { name: 'saas' } });
    expect(readProjectStamp(project(oldStamp)).contract).toBeUndefined();
  });

  it('validates the contract it carries, naming the field', () => {
    const dir = project({ ...oldStamp, contract: { packageManager: { name: 'bun' } } });
    expect(() => readProjectStamp(dir)).toThrowError(/contract\.packageManager\.name/);
  });

  it('is absent, not an error, for findProjectStamp; PROJECT_NOT_FOUND for readProjectStamp', () => {
    expect(findProjectStamp(project())).toBeUndefined();
    expect(() => readProjectStamp(project())).toThrowError(
      expect.objectContaining({ code: 'PROJECT_NOT_FOUND' }),
    );
  });
});
