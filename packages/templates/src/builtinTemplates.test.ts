import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTemplate, listTemplateNames } from './findTemplate.js';
import { planProject } from './planProject.js';
import { validateProject } from './validateProject.js';
import { planFiles } from './validate/projectFiles.js';

const SLIPWAY_VERSION = (
  JSON.parse(readFileSync(new URL('../../cli/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Every subset of `items`: the module combinations a user can pick. */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>(
    (all, item) => [...all, ...all.map((subset) => [...subset, item])],
    [[]],
  );
}

// Rendering is cheap, so every built-in template × module combination is planned and
// validated here; tests/e2e installs, builds and tests the generated projects.
describe.each(listTemplateNames())('built-in template %s', (name) => {
  const template = findTemplate(name);
  const combinations = subsets([...template.modules.keys()]);

  it.each(combinations.map((modules) => [modules.join(',') || '(none)', modules] as const))(
    'renders and validates with modules %s',
    (_label, modules) => {
      const plan = planProject({
        template,
        input: { project: { name: 'acme', repoName: 'acme-stack' }, modules },
        slipwayVersion: SLIPWAY_VERSION,
      });
      const report = validateProject({ files: planFiles(plan.tree), stamp: plan.stamp, template });
      expect(report.findings).toEqual([]);
      expect(plan.tree.has('package.json')).toBe(true);
    },
  );
});

it('renders identity and AI provider settings from the config into saas seed SQL as data', () => {
  const template = findTemplate('saas');
  const plan = planProject({
    template,
    input: {
      project: { name: 'acme' },
      modules: [],
      auth: {
        provider: 'oidc',
        issuer: 'https://id.example.com',
        clientId: "x'); DROP TABLE t; --",
        clientSecret: 'secret-value',
        allowedDomains: ["o'hara.io"],
      },
      ai: { providers: [{ name: 'main-llm', kind: 'openai', apiKey: 'sk-secret' }] },
      secrets: { AUTH_CLIENT_SECRET: 'secret-value', AI_MAIN_LLM_API_KEY: 'sk-secret' },
    },
    slipwayVersion: SLIPWAY_VERSION,
  });
  const seed = plan.tree.get('db/seeds/0001_app_settings.sql')?.content.toString('utf8') ?? '';
  expect(seed).toContain("'x''); DROP TABLE t; --'");
  expect(seed).toContain("ARRAY['o''hara.io']::text[]");
  expect(seed).toContain("'AUTH_CLIENT_SECRET'");
  expect(seed).toContain("'AI_MAIN_LLM_API_KEY'");
  expect(seed).not.toContain('secret-value');
  expect(seed).not.toContain('sk-secret');
  expect(
    validateProject({ files: planFiles(plan.tree), stamp: plan.stamp, template }).findings,
  ).toEqual([]);
});

it('ships the saas template', () => {
  expect(listTemplateNames()).toContain('saas');
});

it('stamps the saas contract with the port the answers chose', () => {
  const plan = planProject({
    template: findTemplate('saas'),
    input: { project: { name: 'acme' }, modules: [], answers: { port: 4321 } },
    slipwayVersion: SLIPWAY_VERSION,
  });
  const { contract } = plan.stamp;
  expect(contract?.packageManager.name).toBe('pnpm');
  expect(contract?.runner).toBe('turbo');
  expect(contract?.apps.find((app) => app.name === 'api')).toMatchObject({
    package: '@acme/api',
    port: 4321,
    start: ['node', 'dist/server.js'],
  });
  expect(contract?.database).toMatchObject({ package: '@acme/api', migrate: 'db:migrate' });
  expect(contract?.artifact?.app).toBe('api');
});
