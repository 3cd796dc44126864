import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let work: string;
let template: string;

const write = (root: string, files: Record<string, string>) => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
};

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
  template = join(work, 'tpl');
  write(template, {
    'template.yaml': [
      'name: demo',
      'version: 1.2.3',
      'description: Demo template',
      'parameters:',
      '  properties:',
      '    title: { type: string, default: Demo }',
      'modules: { default: [] }',
      'env: [{ name: PORT, description: Port, default: "3000" }]',
    ].join('\n'),
    'files/package.json': '{ "name": "{{ project.repoName }}" }\n',
    'files/packages/core/package.json': '{ "name": "@{{ project.name }}/core" }\n',
    'files/README.md': '# {{ answers.title }}\n',
    'modules/extra/module.yaml': 'name: extra\nversion: 1.0.0\ndescription: Extra\n',
    'modules/extra/files/EXTRA.md': 'extra\n',
  });
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const create = (...args: string[]) => runCli(['create', ...args, '--template', template, '--yes']);

describe('slipway create', () => {
  it('writes the project with separate scope and repository names', async () => {
    const target = join(work, 'ai-mod-stack');
    const result = await create(target, '--name', 'ai-mod', '--modules', 'extra');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created ai-mod-stack (@ai-mod/*) from demo@1.2.3');
    expect(readFileSync(join(target, 'package.json'), 'utf8')).toContain('"ai-mod-stack"');
    expect(readFileSync(join(target, 'packages/core/package.json'), 'utf8')).toContain(
      '"@ai-mod/core"',
    );
    const stamp = JSON.parse(readFileSync(join(target, '.slipway/project.json'), 'utf8'));
    expect(stamp).toMatchObject({
      project: { name: 'ai-mod', repoName: 'ai-mod-stack' },
      modules: ['extra'],
    });
  });

  it('derives the scope from the folder name', async () => {
    const target = join(work, 'My_Shop');
    expect((await create(target)).code).toBe(0);
    expect(readFileSync(join(target, 'packages/core/package.json'), 'utf8')).toContain(
      '"@my-shop/core"',
    );
  });

  it('prints the tree with sizes on --dry-run and writes nothing', async () => {
    const target = join(work, 'dry');
    const result = await create(target, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\+ {3}core\/?|packages\//);
    expect(result.stdout).toMatch(/\+ README\.md \d+ B/);
    expect(result.stdout).toMatch(/\d+ files, .*: \d+ new, 0 changed/);
    expect(existsSync(target)).toBe(false);
  });

  it('shows a diff against an existing project on --dry-run --diff', async () => {
    const target = join(work, 'app');
    await create(target);
    writeFileSync(join(target, 'README.md'), '# Changed by hand\n');
    const result = await create(target, '--dry-run', '--diff');
    expect(result.stdout).toContain('~ README.md');
    expect(result.stdout).toContain('-# Changed by hand');
    expect(result.stdout).toContain('+# Demo');
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('# Changed by hand\n');
  });

  it('renders template syntax inside answers literally', async () => {
    const target = join(work, 'inj');
    const result = await create(target, '--set', 'title={{ 7 | times: 7 }}{% raw %}');
    expect(result.code).toBe(0);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('# {{ 7 | times: 7 }}{% raw %}\n');
  });

  it('prints a JSON result with --json', async () => {
    const result = await create(join(work, 'j'), '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      stamp: { template: { name: 'demo' } },
    });
  });

  it.each([
    [['--name', '../x'], 'NAME_INVALID'],
    [['--name', 'Ünïcode'], 'NAME_INVALID'],
    [['--repo-name', 'a b'], 'NAME_INVALID'],
    [['--modules', 'extra,nope'], 'MODULE_UNKNOWN'],
    [['--set', 'titel=x'], 'ANSWER_INVALID'],
    [['--set', 'noequals'], 'INPUT_INVALID'],
  ])('refuses %j with %s, exit 2, and writes nothing', async (args, code) => {
    const target = join(work, 'out');
    const result = await runCli([
      'create',
      target,
      '--template',
      template,
      '--yes',
      '--json',
      ...args,
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.code).toBe(code);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a non-empty folder in the standard format, and --force overwrites', async () => {
    const target = join(work, 'full');
    write(target, { 'notes.txt': 'mine' });
    const refused = await create(target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^\[BLOCKING\] Project: .*full already exists and is not empty$/m,
    );
    expect(refused.stderr).toContain('→ Or: add --dry-run to see what would change, then --force');
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect((await create(target, '--force')).code).toBe(0);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('names file, line and column of a malformed config', async () => {
    const config = join(work, 'setup.yaml');
    writeFileSync(config, 'project:\n  name: ok\nmodules: [a,\n');
    const result = await create(join(work, 'x'), '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[BLOCKING\] Config: .*setup\.yaml is not valid YAML/);
    expect(result.stderr).toMatch(/at .*setup\.yaml:\d+:\d+/);
  });

  it('reports every schema problem of a config', async () => {
    const config = join(work, 'setup.yaml');
    writeFileSync(config, 'project:\n  name: "../evil"\nmodles: [kb]\n');
    const result = await create(join(work, 'x'), '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('project.name: use lowercase letters');
    expect(result.stderr).toContain('Unrecognized key: "modles"');
  });

  it('takes names, modules and answers from a config file, flags winning', async () => {
    const config = join(work, 'setup.yaml');
    writeFileSync(
      config,
      'project:\n  name: cfg\n  repoName: cfg-repo\nmodules: [extra]\nanswers:\n  title: From config\n',
    );
    const target = join(work, 'c');
    expect((await create(target, '--config', config, '--set', 'title=From flag')).code).toBe(0);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('# From flag\n');
    expect(readFileSync(join(target, 'package.json'), 'utf8')).toContain('"cfg-repo"');
    expect(existsSync(join(target, 'EXTRA.md'))).toBe(true);
  });
});
