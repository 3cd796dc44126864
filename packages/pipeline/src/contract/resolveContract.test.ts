import { describe, expect, it } from 'vitest';
import { STAMP_PATH } from '@slipway/core';
import { testdir } from '../testing/testdir.js';
import { resolveContract } from './resolveContract.js';

const stamp = (contract?: object) =>
  JSON.stringify({
    schemaVersion: 1,
    template: { name: 'demo', version: '1.0.0', digest: 'sha256:x' },
    project: { name: 'a', repoName: 'a', displayName: 'a', description: '' },
    modules: [],
    moduleSettings: {},
    answers: {},
    auth: null,
    ai: { providers: [] },
    environments: {},
    ...(contract ? { contract } : {}),
    slipwayVersion: '0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
  });

const fromStamp = { packageManager: { name: 'pnpm' }, apps: [{ name: 'api', kind: 'api' }] };
const written = 'packageManager: { name: npm }\napps:\n  - { name: web, kind: api, port: 8080 }\n';

describe('resolveContract', () => {
  it("takes the stamp's contract first", () => {
    const dir = testdir({ [STAMP_PATH]: stamp(fromStamp), 'slipway.yaml': written });
    const { contract, source } = resolveContract(dir);
    expect(source).toBe('stamp');
    expect(contract.apps.map((app) => app.name)).toEqual(['api']);
  });

  it('falls back to slipway.yaml for a stamp written before stamps carried a contract', () => {
    const { contract, source } = resolveContract(
      testdir({ [STAMP_PATH]: stamp(), 'slipway.yaml': written }),
    );
    expect(source).toBe('slipway.yaml');
    expect(contract.apps[0]).toMatchObject({ name: 'web', port: 8080, healthPath: '/' });
  });

  it('names the field of an invalid slipway.yaml', () => {
    const dir = testdir({ 'slipway.yaml': 'packageManager: { name: bun }\n' });
    expect(() => resolveContract(dir)).toThrowError(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('packageManager.name'),
      }),
    );
  });
});
