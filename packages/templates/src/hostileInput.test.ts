import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from './loadTemplate.js';
import { manifest, moduleManifest, testdir } from './testing/testdir.js';

describe('hostile and malformed templates', () => {
  it('refuses a symlink that points outside the template', () => {
    const outside = testdir({ 'secret.txt': 'root:x:0:0' });
    const dir = testdir({ 'template.yaml': manifest(), 'files/ok.txt': 'ok' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'files/leak.txt'));
    expect(() => loadTemplate(dir)).toThrowError(
      expect.objectContaining({
        code: 'TEMPLATE_UNSAFE_PATH',
        message: expect.stringContaining('outside the template'),
      }),
    );
  });

  it('follows a symlink that stays inside the template', () => {
    const dir = testdir({ 'template.yaml': manifest(), 'shared/LICENSE': 'MIT' });
    mkdirSync(join(dir, 'files'));
    symlinkSync(join(dir, 'shared/LICENSE'), join(dir, 'files/LICENSE'));
    expect(loadTemplate(dir).files.map((f) => [f.path, f.content.toString()])).toEqual([
      ['LICENSE', 'MIT'],
    ]);
  });

  it('names the file, line and column of malformed YAML', () => {
    const dir = testdir({
      'template.yaml': 'name: demo\nversion: 1.0.0\ndescription: [unclosed\n',
    });
    expect(() => loadTemplate(dir)).toThrowError(
      expect.objectContaining({
        code: 'YAML_SYNTAX',
        location: expect.objectContaining({
          file: join(dir, 'template.yaml'),
          line: expect.any(Number),
          column: expect.any(Number),
        }),
      }),
    );
  });

  it('lists every schema problem of a manifest', () => {
    const dir = testdir({ 'template.yaml': 'name: Bad Name\nversion: one\n' });
    expect(() => loadTemplate(dir)).toThrowError(/name: .*\n.*version: .*\n.*description/s);
  });

  it('refuses a module whose folder and name disagree', () => {
    const dir = testdir({
      'template.yaml': manifest(),
      'modules/kb/module.yaml': moduleManifest('other'),
    });
    expect(() => loadTemplate(dir)).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
  });

  it('refuses a folder without template.yaml', () => {
    expect(() => loadTemplate(testdir({ 'README.md': '' }))).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_NOT_FOUND' }),
    );
  });

  it('refuses duplicate keys in YAML', () => {
    const dir = testdir({ 'template.yaml': `${manifest()}name: again\n` });
    expect(() => loadTemplate(dir)).toThrowError(expect.objectContaining({ code: 'YAML_SYNTAX' }));
  });
});
