import { describe, expect, it } from 'vitest';
import { loadTemplate } from './loadTemplate.js';
import { planProject } from './planProject.js';
import type { ProjectInput } from './planProject.js';
import { decodeBaseTree } from './projectStamp.js';
import { manifest, testdir } from './testing/testdir.js';

const plan = (dir: string, input: Partial<ProjectInput> = {}) =>
  planProject({
    template: loadTemplate(dir),
    input: { project: { name: 'acme', repoName: 'acme-stack' }, ...input },
    slipwayVersion: '0.1.0',
    now: new Date('2026-01-01T00:00:00Z'),
  });

const text = (p: ReturnType<typeof plan>, path: string) =>
  p.tree.get(path)?.content.toString('utf8');

describe('planProject rendering', () => {
  it('renders contents and paths with the project context', () => {
    const dir = testdir({
      'template.yaml': manifest(),
      'files/package.json': '{ "name": "{{ project.repoName }}" }',
      'files/packages/{{ project.name }}-core/README.md': 'Scope @{{ project.name }}',
    });
    const result = plan(dir);
    expect(text(result, 'package.json')).toBe('{ "name": "acme-stack" }');
    expect(text(result, 'packages/acme-core/README.md')).toBe('Scope @acme');
  });

  it('drops files and folders whose path segment renders empty', () => {
    const dir = testdir({
      'template.yaml': manifest('parameters:\n  properties:\n    docs: { type: boolean }\n'),
      'files/{% if answers.docs %}docs{% endif %}/guide.md': 'guide',
      'files/{% if answers.docs %}CHANGELOG.md{% endif %}': 'log',
      'files/keep.md': 'kept',
    });
    const without = plan(dir, { answers: { docs: false } });
    expect([...without.tree.keys()].filter((p) => !p.startsWith('.'))).toEqual(['keep.md']);
    const withDocs = plan(dir, { answers: { docs: true } });
    expect(text(withDocs, 'docs/guide.md')).toBe('guide');
    expect(text(withDocs, 'CHANGELOG.md')).toBe('log');
  });

  it('renames dotfiles and keeps a doubled underscore literal', () => {
    const dir = testdir({
      'template.yaml': manifest(),
      'files/_gitignore': 'node_modules',
      'files/_github/workflows/ci.yml.raw': 'run: ${{ github.sha }} {{ not.rendered }}',
      'files/__init__.py': '',
    });
    const result = plan(dir);
    expect(text(result, '.gitignore')).toBe('node_modules');
    expect(text(result, '.github/workflows/ci.yml')).toBe(
      'run: ${{ github.sha }} {{ not.rendered }}',
    );
    expect(result.tree.has('_init__.py')).toBe(true);
  });

  it('copies binary files byte for byte', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x7b, 0x7b, 0x20, 0x7d, 0x7d]);
    const dir = testdir({ 'template.yaml': manifest(), 'files/logo.png': png });
    const result = plan(dir);
    expect(result.tree.get('logo.png')?.content.equals(png)).toBe(true);
    expect(() =>
      plan(testdir({ 'template.yaml': manifest(), 'files/a.txt': '{{ x }}' })),
    ).toThrow();
    const globbed = testdir({
      'template.yaml': manifest('binary: ["**/*.woff2"]\n'),
      'files/font.woff2': '{{ x }}',
    });
    expect(text(plan(globbed), 'font.woff2')).toBe('{{ x }}');
  });

  it('renders Liquid syntax inside answers literally (answers are data)', () => {
    const dir = testdir({
      'template.yaml': manifest('parameters:\n  properties:\n    title: { type: string }\n'),
      'files/title.txt': '{{ answers.title }}',
    });
    const hostile = "{{ 7 | times: 7 }} {% include 'x' %} {{ project.name }}";
    expect(text(plan(dir, { answers: { title: hostile } }), 'title.txt')).toBe(hostile);
  });

  it('fails on an undefined variable, naming the file, line and column', () => {
    const dir = testdir({ 'template.yaml': manifest(), 'files/a.txt': 'ok\n  {{ project.nope }}' });
    expect(() => plan(dir)).toThrowError(
      expect.objectContaining({
        code: 'TEMPLATE_RENDER_FAILED',
        location: expect.objectContaining({ line: 2, column: 6 }),
      }),
    );
  });

  it('lets conditions and the default filter test optional keys', () => {
    const dir = testdir({
      'template.yaml': manifest(),
      'files/a.txt':
        '{% if project.nope %}yes{% else %}no{% endif %} {{ project.nope | default: "d" }}',
    });
    expect(text(plan(dir), 'a.txt')).toBe('no d');
  });

  it('refuses file-reading tags and prototype access', () => {
    const include = testdir({ 'template.yaml': manifest(), 'files/a.txt': "{% include 'x' %}" });
    expect(() => plan(include)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_RENDER_FAILED' }),
    );
    const proto = testdir({
      'template.yaml': manifest(),
      'files/a.txt': '{{ project.constructor }}',
    });
    expect(() => plan(proto)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_RENDER_FAILED' }),
    );
  });

  it.each(['../escape', '/etc/passwd', 'a/../../b', 'bad\\name'])(
    'refuses a file name that renders to %j',
    (value) => {
      const dir = testdir({
        'template.yaml': manifest('parameters:\n  properties:\n    file: { type: string }\n'),
        'files/{{ answers.file }}': 'x',
      });
      expect(() => plan(dir, { answers: { file: value } })).toThrowError(
        expect.objectContaining({ code: 'TEMPLATE_UNSAFE_PATH' }),
      );
    },
  );

  it('validates answers against the parameter schema, applying defaults', () => {
    const dir = testdir({
      'template.yaml': manifest(
        'parameters:\n  properties:\n    region: { type: string, default: us-east-1, pattern: "^[a-z]{2}-[a-z]+-[0-9]$" }\n    port: { type: integer, default: 3000 }\n',
      ),
      'files/a.txt': '{{ answers.region }}:{{ answers.port }}',
    });
    expect(text(plan(dir), 'a.txt')).toBe('us-east-1:3000');
    expect(text(plan(dir, { answers: { port: '8080' } }), 'a.txt')).toBe('us-east-1:8080');
    expect(() => plan(dir, { answers: { region: 'mars' } })).toThrowError(
      expect.objectContaining({ code: 'ANSWER_INVALID' }),
    );
    expect(() => plan(dir, { answers: { regoin: 'eu-west-1' } })).toThrowError(
      /regoin: is not a parameter/,
    );
  });
});

describe('planProject parameter schemas', () => {
  it('reports a parameter schema that is not JSON Schema', () => {
    const dir = testdir({
      'template.yaml': manifest('parameters:\n  properties:\n    port: { type: nonsense }\n'),
    });
    expect(() => plan(dir)).toThrowError(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
  });
});

describe('planProject engine range', () => {
  it('refuses a template made for another Slipway version', () => {
    const dir = testdir({ 'template.yaml': manifest('engine: ">=2.0.0"\n') });
    expect(() => plan(dir)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_ENGINE_MISMATCH' }),
    );
  });
});

describe('planProject stamping', () => {
  it('stamps the template, modules and answers, never secrets', () => {
    const dir = testdir({ 'template.yaml': manifest(), 'files/a.txt': 'a' });
    const result = plan(dir, {
      auth: {
        provider: 'oidc',
        clientId: 'app',
        clientSecret: 'hunter2-secret',
        allowedDomains: [],
      },
      secrets: { SESSION_SECRET: 'hunter3-secret' },
    });
    const stamp = JSON.parse(text(result, '.slipway/project.json') ?? '{}');
    expect(stamp).toMatchObject({
      schemaVersion: 1,
      template: {
        name: 'demo',
        version: '1.0.0',
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      },
      project: { name: 'acme', repoName: 'acme-stack' },
      modules: [],
      slipwayVersion: '0.1.0',
      createdAt: '2026-01-01T00:00:00.000Z',
      auth: { provider: 'oidc', clientSecret: { redacted: true } },
    });
    expect(text(result, '.slipway/project.json')).not.toContain('hunter');
  });

  it('keeps the rendered base tree without local files', () => {
    const dir = testdir({ 'template.yaml': manifest(), 'files/a.txt': 'a {{ project.name }}' });
    const base = decodeBaseTree(
      plan(dir).tree.get('.slipway/base.json.gz')?.content ?? Buffer.alloc(0),
    );
    expect(base.get('a.txt')?.toString()).toBe('a acme');
    expect(base.has('.env.local')).toBe(false);
    expect(base.has('.env.example')).toBe(true);
  });

  it('changes the digest when any template byte changes', () => {
    const a = loadTemplate(testdir({ 'template.yaml': manifest(), 'files/a.txt': 'a' })).digest;
    const b = loadTemplate(testdir({ 'template.yaml': manifest(), 'files/a.txt': 'b' })).digest;
    expect(a).not.toBe(b);
  });
});

describe('planProject env files', () => {
  it('documents every variable and fills local values', () => {
    const dir = testdir({
      'template.yaml': manifest(
        'env:\n  - { name: PORT, description: HTTP port, default: "3000" }\n  - { name: SESSION_SECRET, description: Signs sessions, secret: true }\n  - { name: API_KEY, description: Key, secret: true }\n',
      ),
    });
    const result = plan(dir, { secrets: { API_KEY: 'given key' } });
    const example = text(result, '.env.example') ?? '';
    expect(example).toContain('# HTTP port\nPORT=3000');
    expect(example).toContain('# Signs sessions (secret)\nSESSION_SECRET=\n');
    const local = text(result, '.env.local') ?? '';
    expect(local).toMatch(/^SESSION_SECRET=[0-9a-f]{64}$/m);
    expect(local).toContain("API_KEY='given key'");
    expect(result.tree.get('.env.local')?.policy).toBe('keep');
  });

  it('keeps config secrets that no template declares, blank in the example', () => {
    const dir = testdir({ 'template.yaml': manifest() });
    const result = plan(dir, { secrets: { AUTH_CLIENT_SECRET: 'from config' } });
    expect(text(result, '.env.local')).toContain("AUTH_CLIENT_SECRET='from config'");
    expect(text(result, '.env.example')).toMatch(/^AUTH_CLIENT_SECRET=$/m);
  });
});
