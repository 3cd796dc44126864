import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openFileStatCache } from './fileStatCache.js';
import type { FileStatCache } from './fileStatCache.js';
import type { ObjectFormat } from './hashFileBlob.js';
import { LazyFileSnapshot } from './lazyFileSnapshot.js';
import type { LoadedFiles } from './lazyFileSnapshot.js';
import { objectFormatOf, readGitChanges, readGitIndex } from './readGitFiles.js';
import { readIndexId } from './readIndexId.js';

/**
 * Project-relative path (forward slashes) → the file's digest, `<git mode> <git blob id>`
 * (see `hashFileBlob`), in sorted order. Only equality matters: the same file content and
 * mode always give the same digest.
 */
export type FileSnapshot = ReadonlyMap<string, string>;

/**
 * Folders never hashed: dependencies, VCS data, Slipway's own state, build outputs and
 * caches, and local databases. Hashing them would make every run a miss.
 */
export const IGNORED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.slipway',
  '.turbo',
  'dist',
  '.data',
  'coverage',
]);

const IGNORED_FILE = /(\.log|\.tsbuildinfo|\.DS_Store)$/;
const IGNORED_PATH = new RegExp(
  `(^|/)(${[...IGNORED_DIRS].map((dir) => dir.replace('.', '\\.')).join('|')})/|${IGNORED_FILE.source}`,
);

/** Bump when what a snapshot id stands for changes, so ids from older versions never match. */
const SNAPSHOT_VERSION = 1;

/**
 * Digests every project file outside the ignored folders, reading as little as it can.
 * At the root of a git repository, tracked files git finds unchanged take their object
 * id from git's index and only changed, untracked and ignored files are hashed; elsewhere
 * every file is listed. Either way a file hashed in Node is hashed again only when its
 * stat changed since the last run (the stat cache under `.slipway/`). In git, the result
 * is a `LazyFileSnapshot`: its id (the index's checksum and the changed files' digests)
 * is known before the index's entries are read, and they are read only if needed.
 */
export function snapshotFiles(projectDir: string): FileSnapshot {
  const git = existsSync(join(projectDir, '.git')) ? gitSnapshot(projectDir) : undefined;
  return git ?? plainSnapshot(projectDir);
}

function plainSnapshot(projectDir: string): Map<string, string> {
  const cache = openFileStatCache(projectDir, 'sha1');
  const files = hashListed(projectDir, [''], cache);
  cache.save();
  return new Map([...files].sort(byPath));
}

function gitSnapshot(dir: string): LazyFileSnapshot | undefined {
  const indexBefore = readIndexId(dir);
  const changed = readGitChanges(dir);
  if (!changed) return undefined;
  const format = objectFormatOf(dir);
  const cache = openFileStatCache(dir, format);
  const extra = hashListed(dir, changed, cache);
  cache.save();
  const stable = indexBefore !== undefined && readIndexId(dir) === indexBefore;
  const id = stable ? snapshotId({ indexId: indexBefore, format, changed, extra }) : undefined;
  const listed = { changed, extra, format, indexId: indexBefore };
  return new LazyFileSnapshot(dir, id, () => {
    const loaded = loadIndex(dir, listed);
    return { ...loaded, stable: stable && loaded.stable };
  });
}

/**
 * The index's entries merged with the files hashed in Node. Not stable (not to be stored
 * under the snapshot's id) when the index changed since the id was made, or when it holds
 * conflicts or nested repositories, whose content the id does not cover.
 */
function loadIndex(dir: string, listed: ListedFiles): LoadedFiles {
  let index;
  try {
    index = readGitIndex(dir, new Set(listed.changed));
  } catch {
    return { sorted: [...plainSnapshot(dir)], stable: false };
  }
  const cache = openFileStatCache(dir, listed.format);
  const more = hashListed(dir, index.unusual, cache);
  cache.save();
  const unchanged = index.unchanged.filter(([path]) => !IGNORED_PATH.test(path));
  const hashed = [...listed.extra, ...more].sort(byPath);
  const stable = index.unusual.length === 0 && readIndexId(dir) === listed.indexId;
  return { sorted: mergeSorted(unchanged, hashed), stable };
}

interface ListedFiles {
  changed: readonly string[];
  extra: ReadonlyMap<string, string>;
  format: ObjectFormat;
  indexId: string | undefined;
}

/**
 * Names a git snapshot's content: the index, what git listed as changed (a deleted file
 * is listed and has no digest) and the digest of each file hashed in Node.
 */
function snapshotId(input: {
  indexId: string;
  format: string;
  changed: readonly string[];
  extra: Map<string, string>;
}): string {
  const { indexId, format, changed, extra } = input;
  const hash = createHash('sha256').update(`${SNAPSHOT_VERSION}\0${indexId}\0${format}\0`);
  hash.update(IGNORED_PATH.source);
  const listed = changed.filter((path) => !IGNORED_PATH.test(path)).sort();
  for (const path of listed) hash.update(`\0${path}`);
  hash.update('\0\0');
  for (const [path, digest] of [...extra].sort(byPath)) hash.update(`\0${path}\0${digest}`);
  return hash.digest('hex');
}

/** Digests of the listed files and of the files under the listed folders (`dir/`, or `''` for all). */
function hashListed(dir: string, listed: readonly string[], cache: FileStatCache) {
  const files = new Map<string, string>();
  const add = (path: string) => {
    const digest = cache.digest(path);
    if (digest !== undefined) files.set(path, digest);
  };
  for (const path of listed) {
    if (IGNORED_PATH.test(path)) continue;
    if (path === '' || path.endsWith('/')) walk(dir, path.replace(/\/$/, ''), add);
    else add(path);
  }
  return files;
}

const byPath = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

function walk(root: string, prefix: string, visit: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(root, path, visit);
    } else if (entry.isFile() && !IGNORED_FILE.test(entry.name)) {
      visit(path);
    }
  }
}

/** Merges two sorted lists (git's order agrees with JavaScript's for these paths). */
function mergeSorted(a: Array<[string, string]>, b: Array<[string, string]>) {
  if (b.length === 0) return a;
  const merged: Array<[string, string]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    merged.push(j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!);
  }
  return merged;
}
