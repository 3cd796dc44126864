import { describe, expect, it } from 'vitest';
import { STAMP_PATH } from '@slipway/templates';
import { PROJECT_STAMP_PATH, projectTemplate } from './projectTemplate.js';
import { testdir } from './testing/testdir.js';

describe('projectTemplate', () => {
  it('uses the stamp path of @slipway/templates', () => {
    expect(PROJECT_STAMP_PATH).toBe(STAMP_PATH);
  });

  it('reads the template name, and refuses a folder that is not a project', () => {
    expect(projectTemplate(testdir({ [STAMP_PATH]: '{"template":{"name":"saas"}}' }))).toBe('saas');
    expect(() => projectTemplate(testdir())).toThrow(/is not a Slipway project/);
  });
});
