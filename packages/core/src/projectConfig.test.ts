import { describe, expect, it } from 'vitest';
import { toProjectName } from './names.js';
import { projectConfigSchema } from './projectConfig.js';

describe('projectConfigSchema', () => {
  it('keeps the package scope and the repository name apart', () => {
    const config = projectConfigSchema.parse({
      project: { name: 'ai-mod', repoName: 'ai-mod-stack' },
      modules: ['access', 'kb'],
    });
    expect(config.project).toEqual({ name: 'ai-mod', repoName: 'ai-mod-stack' });
    expect(config.template).toBe('saas');
  });

  it.each(['../x', 'My App', 'ünïcode', '-lead', 'a--b', 'x'.repeat(41), '@scope'])(
    'refuses the hostile project name %j',
    (name) => {
      expect(projectConfigSchema.safeParse({ project: { name } }).success).toBe(false);
    },
  );

  it.each(['..', '.', 'a/b', 'a b', '../x', ''])('refuses the repository name %j', (repoName) => {
    expect(projectConfigSchema.safeParse({ project: { name: 'ok', repoName } }).success).toBe(
      false,
    );
  });

  it('refuses unknown keys so typos are caught', () => {
    const result = projectConfigSchema.safeParse({ project: { name: 'ok' }, modles: ['kb'] });
    expect(result.success).toBe(false);
  });

  it('accepts secrets by reference', () => {
    const config = projectConfigSchema.parse({
      project: { name: 'ok' },
      ai: { providers: [{ name: 'main', kind: 'openai', apiKey: { secret: 'OPENAI_API_KEY' } }] },
    });
    expect(config.ai?.providers[0]?.apiKey).toEqual({ secret: 'OPENAI_API_KEY' });
  });
});

describe('toProjectName', () => {
  it.each([
    ['My App!', 'my-app'],
    ['Crème Brûlée', 'creme-brulee'],
    ['123 go', 'go'],
    ['../x', 'x'],
    ['???', ''],
  ])('%j → %j', (input, expected) => {
    expect(toProjectName(input)).toBe(expected);
  });
});
