import { describe, expect, it } from 'vitest';
import { loadTemplate } from './loadTemplate.js';
import { planProject } from './planProject.js';
import { resolveModules } from './resolveModules.js';
import { manifest, moduleManifest, testdir } from './testing/testdir.js';

const base = {
  'template.yaml': manifest('modules: { default: [] }\n'),
  'files/apps/api/package.json':
    '{\n  // kept comment\n  "name": "@{{ project.name }}/api",\n  "dependencies": {}\n}\n',
  'files/apps/api/src/routes.ts':
    '{% for r in contributions.apiRoutes %}import { {{ r.exportName }} } from "{{ r.importFrom }}";\n{% endfor %}',
  'files/_github/workflows/ci.yml':
    '# CI for {{ project.name }}\non: push\njobs:\n  test:\n    steps:\n      - run: pnpm test # keep\n',
  'files/infra/dev.tfvars': 'region = "us-east-1"\n',
  'files/db/migrations/001_init.sql': 'CREATE TABLE IF NOT EXISTS meta (k text);\n',
};

const kb = {
  'modules/kb/module.yaml': moduleManifest(
    'kb',
    `contributes:
  packages: [{ name: module-kb, dir: packages/module-kb }]
  apiRoutes: [{ path: /api/kb, importFrom: "@{{ project.name }}/module-kb/api", exportName: kbRoutes }]
  webPages: [{ path: /kb, title: Knowledge base, importFrom: "@{{ project.name }}/module-kb/web", exportName: KbPage }]
  env: [{ name: KB_MAX_BYTES, description: Largest document, default: "1024" }]
  merge:
    - { into: apps/api/package.json, json: { dependencies: { "@{{ project.name }}/module-kb": "workspace:*" } } }
    - { into: .github/workflows/ci.yml, yamlFile: ci.yml }
    - { into: infra/dev.tfvars, appendFile: dev.tfvars }
`,
  ),
  'modules/kb/files/packages/module-kb/package.json': '{ "name": "@{{ project.name }}/module-kb" }',
  'modules/kb/migrations/001_documents.sql': 'CREATE TABLE IF NOT EXISTS documents (id int);\n',
  'modules/kb/seeds/docs.sql': 'INSERT INTO documents VALUES (1) ON CONFLICT DO NOTHING;\n',
  'modules/kb/ci.yml':
    'jobs:\n  test:\n    steps:\n      - run: pnpm --filter @{{ project.name }}/module-kb test\n',
  'modules/kb/dev.tfvars': 'kb_bucket = "{{ project.name }}-kb"\n',
};

const access = {
  'modules/access/module.yaml': moduleManifest(
    'access',
    `contributes:
  apiRoutes: [{ path: /api/auth, importFrom: "@{{ project.name }}/module-access/api", exportName: authRoutes }]
  merge:
    - { into: apps/api/package.json, json: { dependencies: { "@{{ project.name }}/module-access": "workspace:*" } } }
`,
  ),
  'modules/access/migrations/users.sql': 'CREATE TABLE IF NOT EXISTS users (id int);\n',
};

const plan = (dir: string, modules: string[]) =>
  planProject({
    template: loadTemplate(dir),
    input: { project: { name: 'acme' }, modules },
    slipwayVersion: '0.1.0',
  });
const text = (p: ReturnType<typeof plan>, path: string) =>
  p.tree.get(path)?.content.toString('utf8') ?? '';

describe('module composition', () => {
  it('registers routes from typed contributions', () => {
    const result = plan(testdir({ ...base, ...kb, ...access }), ['kb', 'access']);
    expect(text(result, 'apps/api/src/routes.ts')).toBe(
      'import { authRoutes } from "@acme/module-access/api";\nimport { kbRoutes } from "@acme/module-kb/api";\n',
    );
    expect(result.stamp.modules).toEqual(['access', 'kb']);
  });

  it('deep-merges JSON fragments and keeps comments', () => {
    const result = plan(testdir({ ...base, ...kb, ...access }), ['access', 'kb']);
    const manifestText = text(result, 'apps/api/package.json');
    expect(manifestText).toContain('// kept comment');
    expect(manifestText).toMatch(
      /"@acme\/module-access": "workspace:\*",\s*"@acme\/module-kb": "workspace:\*"/,
    );
  });

  it('deep-merges YAML fragments, appending to lists and keeping comments', () => {
    const result = plan(testdir({ ...base, ...kb }), ['kb']);
    const ci = text(result, '.github/workflows/ci.yml');
    expect(ci).toContain('# CI for acme');
    expect(ci).toContain('- run: pnpm test # keep');
    expect(ci).toContain('- run: pnpm --filter @acme/module-kb test');
  });

  it('appends text fragments once under a module marker', () => {
    const result = plan(testdir({ ...base, ...kb }), ['kb']);
    expect(text(result, 'infra/dev.tfvars')).toBe(
      'region = "us-east-1"\n\n# module: kb\nkb_bucket = "acme-kb"\n',
    );
  });

  it('consolidates migrations and seeds into one numbered set, template first', () => {
    const result = plan(testdir({ ...base, ...kb, ...access }), ['kb', 'access']);
    const migrations = [...result.tree.keys()].filter((p) => p.startsWith('db/')).sort();
    expect(migrations).toEqual([
      'db/migrations/0001_init.sql',
      'db/migrations/0002_access_users.sql',
      'db/migrations/0003_kb_documents.sql',
      'db/seeds/0001_kb_docs.sql',
    ]);
  });

  it('reports a scalar conflict between modules, naming the file', () => {
    const clash = {
      'modules/other/module.yaml': moduleManifest(
        'other',
        'contributes:\n  merge:\n    - { into: apps/api/package.json, json: { name: "something-else" } }\n',
      ),
    };
    expect(() => plan(testdir({ ...base, ...clash }), ['other'])).toThrowError(
      expect.objectContaining({
        code: 'MERGE_CONFLICT',
        message: expect.stringContaining('apps/api/package.json'),
      }),
    );
  });

  it('refuses a module that overwrites a file instead of merging', () => {
    const overwrite = {
      'modules/bad/module.yaml': moduleManifest('bad'),
      'modules/bad/files/infra/dev.tfvars': 'x',
    };
    expect(() => plan(testdir({ ...base, ...overwrite }), ['bad'])).toThrowError(
      expect.objectContaining({ code: 'MERGE_CONFLICT' }),
    );
  });
});

describe('resolveModules', () => {
  const template = () =>
    loadTemplate(
      testdir({
        'template.yaml': manifest('modules: { default: [b] }\n'),
        'modules/a/module.yaml': moduleManifest('a'),
        'modules/b/module.yaml': moduleManifest('b', 'requires: [c]\n'),
        'modules/c/module.yaml': moduleManifest('c'),
        'modules/d/module.yaml': moduleManifest('d', 'conflicts: [a]\n'),
      }),
    );

  it('uses the default modules when none are named', () => {
    expect(resolveModules(template(), undefined).modules).toEqual(['c', 'b']);
  });

  it('adds required modules and orders dependencies first, independent of input order', () => {
    const one = resolveModules(template(), ['b', 'a']);
    const two = resolveModules(template(), ['a', 'b']);
    expect(one.modules).toEqual(['a', 'c', 'b']);
    expect(two.modules).toEqual(one.modules);
    expect(one.added).toEqual([{ name: 'c', requiredBy: 'b' }]);
  });

  it('refuses unknown modules with the list of known ones', () => {
    expect(() => resolveModules(template(), ['nope'])).toThrowError(
      expect.objectContaining({
        code: 'MODULE_UNKNOWN',
        message: expect.stringContaining('a, b, c, d'),
      }),
    );
  });

  it('refuses conflicting modules', () => {
    expect(() => resolveModules(template(), ['a', 'd'])).toThrowError(
      expect.objectContaining({ code: 'MODULE_CONFLICT' }),
    );
  });
});
