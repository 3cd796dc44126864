import { describe, expect, it } from 'vitest';
import { STAMP_PATH, SlipwayError } from '@slipway/core';
import { projectTemplate } from './projectTemplate.js';
import { testdir } from './testing/testdir.js';

describe('projectTemplate', () => {
  it('reads the template name from the stamp; an unreadable one is unknown', () => {
    const stamp = {
      schemaVersion: 1,
      template: { name: 'saas', version: '0.1.0', digest: 'sha256:x' },
      project: { name: 'a', repoName: 'a', displayName: 'a', description: '' },
      modules: [],
      moduleSettings: {},
      answers: {},
      auth: null,
      ai: { providers: [] },
      environments: {},
      slipwayVersion: '0.1.0',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(projectTemplate(testdir({ [STAMP_PATH]: JSON.stringify(stamp) }))).toBe('saas');
    expect(projectTemplate(testdir({ [STAMP_PATH]: '{ torn' }))).toBe('unknown');
  });

  it('names where the contract of a repository Slipway did not create comes from', () => {
    const repo = { 'package.json': JSON.stringify({ name: 'x', scripts: { start: 'node a.js' } }) };
    expect(projectTemplate(testdir(repo))).toBe('inferred');
    const written = { ...repo, 'slipway.yaml': 'packageManager: { name: npm }\n' };
    expect(projectTemplate(testdir(written))).toBe('slipway.yaml');
    expect(() => projectTemplate(testdir())).toThrow(SlipwayError);
  });
});
