import { describe, expect, it } from 'vitest';
import type { ProjectStamp } from '@slipway/core';
import { validateProject } from './validateProject.js';

const stamp: ProjectStamp = {
  schemaVersion: 1,
  template: { name: 'demo', version: '1.0.0', digest: 'sha256:0' },
  project: { name: 'acme', repoName: 'acme-stack', displayName: 'acme', description: '' },
  modules: [],
  moduleSettings: {},
  answers: {},
  auth: null,
  ai: { providers: [] },
  environments: {},
  slipwayVersion: '0.1.0',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const good: Record<string, string> = {
  'package.json': '{ "name": "acme-stack" }',
  'apps/api/package.json':
    '{ "name": "@acme/api", "dependencies": { "@acme/shared": "workspace:*" } }',
  'packages/shared/package.json': '{ "name": "@acme/shared" }',
  'apps/api/src/main.ts':
    'const port = process.env.PORT;\nconst url = process.env["DATABASE_URL"];',
  'apps/web/src/App.tsx':
    'const style = {{ margin: 0 }}; const api = import.meta.env.VITE_API_URL; if (import.meta.env.DEV) {}',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  x:\n    runs-on: ${{ matrix.os }}\n',
  'tsconfig.json': '{\n  // comment\n  "compilerOptions": {},\n}\n',
  'turbo.json': '{\n  // turbo reads comments too\n  "tasks": {}\n}\n',
  '.env.example': '# Port\nPORT=3000\n# DB\nDATABASE_URL=\n# API\nVITE_API_URL=\n',
  'db/migrations/0001_init.sql':
    'CREATE TABLE IF NOT EXISTS a (id int);\nCREATE INDEX IF NOT EXISTS a_id ON a (id);',
  'db/seeds/0001_seed.sql': 'INSERT INTO a VALUES (1) ON CONFLICT DO NOTHING; -- CREATE TABLE x',
};

const run = (files: Record<string, string>, overrides: Partial<ProjectStamp> = {}) =>
  validateProject({
    files: new Map(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)])),
    stamp: { ...stamp, ...overrides },
  });

const messages = (files: Record<string, string>) =>
  run(files).findings.map((f) => `${f.location?.file}: ${f.message}`);

describe('validateProject', () => {
  it('passes a consistent project', () => {
    const report = run(good);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(6);
  });

  it('finds unrendered placeholders with their line', () => {
    const report = run({ ...good, 'README.md': 'line\n{{ project.name }}\n{% if x %}' });
    expect(report.findings.map((f) => f.location)).toEqual([
      { file: 'README.md', line: 2 },
      { file: 'README.md', line: 3 },
    ]);
  });

  it('does not mistake Liquid-looking answers for leftovers', () => {
    const report = run(
      { ...good, 'README.md': '# {{ 7 | times: 7 }}' },
      { answers: { title: '{{ 7 | times: 7 }}' } },
    );
    expect(report.findings).toEqual([]);
  });

  it('finds package names outside the scope and broken workspace links', () => {
    expect(
      messages({
        ...good,
        'packages/x/package.json':
          '{ "name": "@other/x", "dependencies": { "@acme/missing": "workspace:*" } }',
      }),
    ).toEqual([
      'packages/x/package.json: package @other/x is outside the project scope @acme/',
      'packages/x/package.json: depends on @acme/missing (workspace), which no package in the project is named',
    ]);
  });

  it('finds migrations out of sequence and not idempotent', () => {
    expect(
      messages({
        ...good,
        'db/migrations/0003_late.sql': 'CREATE TABLE b (id int);',
        'db/migrations/extra.sql': 'select 1;',
      }),
    ).toEqual([
      'db/migrations/0003_late.sql: migration number 0003 breaks the sequence (expected 2)',
      'db/migrations/extra.sql: migration file is not named NNNN_name.sql',
      'db/migrations/0003_late.sql: not idempotent: CREATE TABLE without IF NOT EXISTS',
    ]);
    expect(messages({ ...good, 'db/seeds/0001_seed.sql': 'INSERT INTO a VALUES (1);' })).toEqual([
      'db/seeds/0001_seed.sql: not idempotent: INSERT without ON CONFLICT',
    ]);
  });

  it('finds env vars read but not documented', () => {
    expect(
      messages({ ...good, 'apps/api/src/x.ts': 'process.env.SECRET_THING; process.env.NODE_ENV' }),
    ).toEqual(['apps/api/src/x.ts: SECRET_THING is read but not documented in .env.example']);
  });

  it('finds JSON and YAML that do not parse', () => {
    expect(
      messages({ ...good, 'a.json': '{ "a": 1, }', 'b.yml': 'a: [1', 'c.json': '{ // no\n}' }),
    ).toEqual([
      'a.json: invalid JSON',
      expect.stringMatching(/^b\.yml: invalid YAML/),
      'c.json: invalid JSON',
    ]);
  });
});
