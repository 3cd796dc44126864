import { describe, expect, it } from 'vitest';
import { STAMP_PATH } from '@slipway/core';
import { projectTemplate } from './projectTemplate.js';
import { testdir } from './testing/testdir.js';

describe('projectTemplate', () => {
  it('reads the template name from the stamp; outside a project it is PROJECT_NOT_FOUND', () => {
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
    expect(() => projectTemplate(testdir())).toThrow(/is not a Slipway project/);
  });
});
