import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { pruneEscapingLinks } from './pruneEscapingLinks.js';

describe('pruneEscapingLinks', () => {
  it('removes links that leave the folder and keeps the ones inside', () => {
    const root = testdir({ 'stage/pkg/a/index.js': '', 'outside/x.js': '' });
    const stage = join(root, 'stage');
    mkdirSync(join(stage, 'pkg/nm'), { recursive: true });
    symlinkSync('../a', join(stage, 'pkg/nm/inside'));
    symlinkSync('../../../outside', join(stage, 'pkg/nm/escape'));
    expect(pruneEscapingLinks(stage)).toEqual(['pkg/nm/escape']);
    expect(lstatSync(join(stage, 'pkg/nm/inside')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(stage, 'pkg/nm/escape'))).toBe(false);
  });
});
