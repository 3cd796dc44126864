import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { matchFiles } from './matchFiles.js';
import { MAX_FILE_INPUTS, summarizeFiles } from './summarizeFiles.js';

const PATHS = [
  '.env',
  '.env.local',
  '.github/workflows/ci.yml',
  '.npmrc',
  'README.md',
  'apps/api/package.json',
  'apps/api/src/a.test.ts',
  'apps/api/src/a.ts',
  'apps/web/public/x.txt',
  'db',
  'db-other/migrations/1.sql',
  'db/migrations/001.sql',
  'db/migrations/sub/002.sql',
  'db/migrationsX/003.sql',
  'db/seeds/1.sql',
  'infra',
  'infra/main.tf',
  'lib/b',
  'b',
  'x/.md',
  'src/a.spec.ts.bak',
  'package.json',
  'pnpm-lock.yaml',
].sort();

const GLOB_SETS: Array<{ files: string[]; ignore?: string[] }> = [
  { files: ['**'], ignore: ['**/*.md', 'infra/**', '.github/**', '.env*', '**/*.test.ts'] },
  { files: ['package.json', '**/package.json', 'pnpm-lock.yaml', '.npmrc'] },
  { files: ['.nvmrc', 'package.json'] },
  { files: ['db/migrations/**'] },
  { files: ['db/**', 'apps/*/src/**'], ignore: ['**/*.test.ts'] },
  { files: ['db'] },
  { files: ['**/b', 'src/{a,b}.ts', 'apps/*/src/?.ts', '**/*.+(md|sql)'] },
  { files: ['**/*'], ignore: ['infra/**', '**/*.spec.ts'] },
];

describe('matchFiles', () => {
  it.each(GLOB_SETS)('selects what picomatch selects: %j', (globs) => {
    const files = new Map(PATHS.map((path) => [path, `digest of ${path}`]));
    const isMatch = picomatch(globs.files, { dot: true, ignore: globs.ignore ?? [] });
    const expected = PATHS.filter((path) => isMatch(path));
    expect(matchFiles(files, globs).map(([path]) => path)).toEqual(expected);
  });

  it('works on a snapshot that is not in sorted order', () => {
    const files = new Map([...PATHS].reverse().map((path) => [path, 'd']));
    expect(matchFiles(files, { files: ['db/migrations/**'] }).map(([path]) => path)).toEqual([
      'db/migrations/001.sql',
      'db/migrations/sub/002.sql',
    ]);
  });
});

describe('summarizeFiles', () => {
  const many = (count: number, edit?: number) =>
    Array.from({ length: count }, (_, i) => {
      const path = `public/d${String(Math.floor(i / 100)).padStart(3, '0')}/f${String(i).padStart(5, '0')}.txt`;
      return [path, i === edit ? 'edited' : `d${i}`] as const;
    }).sort(([a], [b]) => (a < b ? -1 : 1));

  it('lists each file while there are few', () => {
    expect(summarizeFiles([['a.ts', 'd1']])).toEqual({ 'file:a.ts': 'd1' });
  });

  it('stands folders for their files past the limit, and a change shows in its folder', () => {
    const files = [['package.json', 'p'] as const, ...many(5000)];
    const summary = summarizeFiles(files);
    const ids = Object.keys(summary);
    expect(ids.length).toBeLessThanOrEqual(MAX_FILE_INPUTS);
    expect(ids).toContain('file:package.json');
    expect(ids).toContain('files:public/d007/');
    const edited = summarizeFiles([['package.json', 'p'] as const, ...many(5000, 742)]);
    const changed = ids.filter((id) => summary[id] !== edited[id]);
    expect(changed).toEqual(['files:public/d007/']);
  });
});
