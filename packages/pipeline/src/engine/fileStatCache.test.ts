import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { FILE_CACHE_PATH, openFileStatCache } from './fileStatCache.js';

const FAKE = `100644 ${'f'.repeat(40)}`;

/** A project with one file last written long ago, hashed once and saved in the cache. */
function cachedProject(): { dir: string; real: string } {
  const dir = testdir({ 'a.txt': 'hello\n' });
  mkdirSync(join(dir, '.slipway'));
  utimesSync(join(dir, 'a.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
  const cache = openFileStatCache(dir, 'sha1');
  const real = cache.digest('a.txt')!;
  cache.save();
  return { dir, real };
}

/** Rewrites the cache file's lines, with a valid checksum unless told otherwise. */
function editCache(dir: string, edit: (line: string) => string, validChecksum = true): void {
  const file = join(dir, FILE_CACHE_PATH);
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  const body = lines.map((line) => (line ? edit(line) : line)).join('\n');
  const sum = createHash('sha256').update(body).digest('hex');
  const newHeader = validChecksum ? header!.replace(/[0-9a-f]{64}$/, sum) : header!;
  writeFileSync(file, `${newHeader}\n${body}`);
}

const withDigest = (digest: string) => (line: string) =>
  line.replace(/1006\d\d [0-9a-f]{40}$/, digest);

describe('openFileStatCache', () => {
  it("hashes a file as git's blob id with its mode", () => {
    const { real } = cachedProject();
    // `printf 'hello\n' | git hash-object --stdin`
    expect(real).toBe('100644 ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('trusts an entry whose stat is unchanged and that was not written near its hashing', () => {
    const { dir } = cachedProject();
    editCache(dir, withDigest(FAKE));
    // The planted digest comes back: the file was not read again.
    expect(openFileStatCache(dir, 'sha1').digest('a.txt')).toBe(FAKE);
  });

  it('hashes again a file whose stat changed', () => {
    const { dir, real } = cachedProject();
    editCache(dir, withDigest(FAKE));
    chmodSync(join(dir, 'a.txt'), 0o755);
    expect(openFileStatCache(dir, 'sha1').digest('a.txt')).toBe(real.replace('100644', '100755'));
  });

  it('marks a file written just before it was hashed racy and hashes it again next time', () => {
    const dir = testdir({ 'a.txt': 'hello\n' });
    mkdirSync(join(dir, '.slipway'));
    const cache = openFileStatCache(dir, 'sha1');
    const real = cache.digest('a.txt')!;
    cache.save();
    const line = readFileSync(join(dir, FILE_CACHE_PATH), 'utf8').split('\n')[1]!;
    expect(line.split('\t')[2]).toBe('1');
    // Same stat, other content (a rewrite within the clock tick): the racy entry is not trusted.
    editCache(dir, withDigest(FAKE));
    expect(openFileStatCache(dir, 'sha1').digest('a.txt')).toBe(real);
  });

  it.each([
    ['a wrong checksum', (dir: string) => editCache(dir, withDigest(FAKE), false)],
    ['a malformed line', (dir: string) => editCache(dir, (line) => `${line}\textra`)],
    [
      'a cut-off file',
      (dir: string) => {
        const file = join(dir, FILE_CACHE_PATH);
        editCache(dir, withDigest(FAKE));
        writeFileSync(file, readFileSync(file, 'utf8').slice(0, -12));
      },
    ],
    ['garbage', (dir: string) => writeFileSync(join(dir, FILE_CACHE_PATH), '\0\0garbage')],
  ])('treats %s as an empty cache: a full hash, never a wrong hit', (_name, corrupt) => {
    const { dir, real } = cachedProject();
    corrupt(dir);
    expect(openFileStatCache(dir, 'sha1').digest('a.txt')).toBe(real);
  });

  it('writes nothing in a project that has no .slipway folder yet', () => {
    const dir = testdir({ 'a.txt': 'hello\n' });
    const cache = openFileStatCache(dir, 'sha1');
    cache.digest('a.txt');
    cache.save();
    expect(() => readFileSync(join(dir, FILE_CACHE_PATH))).toThrow();
  });
});
