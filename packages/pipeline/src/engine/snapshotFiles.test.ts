import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { fingerprintStep } from './fingerprintStep.js';
import { LazyFileSnapshot } from './lazyFileSnapshot.js';
import { snapshotFiles } from './snapshotFiles.js';
import { FILE_INPUTS_PATH } from './stepFileInputs.js';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

/** Three steps reading disjoint files: the one whose input changed must be the only miss. */
const STEPS = {
  src: { files: ['src/**'] },
  docs: { files: ['docs/**'] },
  secrets: { files: ['.env'] },
};

function keys(dir: string): Record<string, string> {
  const files = snapshotFiles(dir);
  return Object.fromEntries(
    Object.entries(STEPS).map(([name, inputs]) => [
      name,
      fingerprintStep({ inputs, files, env: {}, depKeys: {} }).key,
    ]),
  );
}

function project(mode: 'git' | 'plain'): string {
  const dir = testdir({
    'src/a.ts': 'export const a = 1;\n',
    'src/lib/b.ts': 'export const b = 2;\n',
    'docs/guide.md': '# guide\n',
    '.env': 'TOKEN=one\n',
    '.gitignore': '.env\n',
  });
  mkdirSync(join(dir, '.slipway'));
  if (mode === 'git') {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
  }
  return dir;
}

/** Which steps' keys differ between two snapshots. */
const misses = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((name) => before[name] !== after[name]);

const changes: Array<[string, (dir: string) => void, string[]]> = [
  ['an edit', (dir) => writeFileSync(join(dir, 'src/a.ts'), 'export const a = 10;\n'), ['src']],
  ['a rename', (dir) => renameSync(join(dir, 'src/a.ts'), join(dir, 'src/c.ts')), ['src']],
  ['a delete', (dir) => rmSync(join(dir, 'src/lib/b.ts')), ['src']],
  ['a mode change', (dir) => chmodSync(join(dir, 'src/a.ts'), 0o755), ['src']],
  ['an untracked new file', (dir) => writeFileSync(join(dir, 'docs/new.md'), 'new\n'), ['docs']],
  [
    'an edit of an ignored input',
    (dir) => writeFileSync(join(dir, '.env'), 'TOKEN=two\n'),
    ['secrets'],
  ],
  ['a same-second rewrite', sameSecondRewrite, ['src']],
  [
    'a touch without a change',
    (dir) => utimesSync(join(dir, 'src/a.ts'), new Date(), new Date()),
    [],
  ],
];

/** Same size, same mtime: only the content (and the ctime, when the clock ticked) differs. */
function sameSecondRewrite(dir: string): void {
  const path = join(dir, 'src/a.ts');
  const { atime, mtime } = statSync(path);
  writeFileSync(path, 'export const a = 9;\n');
  utimesSync(path, atime, mtime);
}

describe.each(['git', 'plain'] as const)('snapshotFiles in a %s project', (mode) => {
  it.each(changes)('%s makes exactly the right step miss', (_name, change, expected) => {
    const dir = project(mode);
    keys(dir); // warms the stat cache, as a previous run would
    const before = keys(dir);
    change(dir);
    expect(misses(before, keys(dir))).toEqual(expected);
  });

  it('sees the same-second rewrite of a file hashed in the same run', () => {
    const dir = project(mode);
    const path = join(dir, 'src/a.ts');
    writeFileSync(path, 'export const a = 3;\n');
    const before = keys(dir);
    sameSecondRewrite(dir);
    expect(misses(before, keys(dir))).toEqual(['src']);
  });

  it('leaves out dependencies, build outputs and its own state', () => {
    const dir = project(mode);
    for (const path of ['node_modules/x/index.js', 'dist/a.js', '.slipway/state.json', 'a.log']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    }
    expect([...snapshotFiles(dir).keys()]).toEqual([
      '.env',
      '.gitignore',
      'docs/guide.md',
      'src/a.ts',
      'src/lib/b.ts',
    ]);
  });
});

describe('snapshotFiles across modes', () => {
  it("gives git's object ids, so a repository's files digest the same with or without git", () => {
    const dir = project('plain');
    const plain = snapshotFiles(dir);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
    expect(new Map(snapshotFiles(dir))).toEqual(plain);
    const id = git(dir, 'hash-object', 'src/a.ts').trim();
    expect(plain.get('src/a.ts')).toBe(`100644 ${id}`);
  });
});

describe('file inputs stored by snapshot id', () => {
  it('takes a no-op run’s file inputs from what it stored, without reading the index', () => {
    const dir = project('git');
    keys(dir);
    const stored = join(dir, FILE_INPUTS_PATH);
    const memo = JSON.parse(readFileSync(stored, 'utf8')) as { sets: Record<string, object> };
    const setId = JSON.stringify([STEPS.src.files, []]);
    expect(memo.sets[setId]).toEqual({
      'file:src/a.ts': expect.stringMatching(/^100644 /),
      'file:src/lib/b.ts': expect.stringMatching(/^100644 /),
    });
    const files = snapshotFiles(dir);
    const again = fingerprintStep({ inputs: STEPS.src, files, env: {}, depKeys: {} });
    expect(again.inputs).toEqual(memo.sets[setId]);
    expect(files).toBeInstanceOf(LazyFileSnapshot);
    expect((files as LazyFileSnapshot).isLoaded).toBe(false);
    // Any change gives another id: the index is read and the globs matched again.
    writeFileSync(join(dir, 'docs/guide.md'), '# changed\n');
    const changed = snapshotFiles(dir);
    fingerprintStep({ inputs: STEPS.src, files: changed, env: {}, depKeys: {} });
    expect((changed as LazyFileSnapshot).isLoaded).toBe(true);
  });
});
