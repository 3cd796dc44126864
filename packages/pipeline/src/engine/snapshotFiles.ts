import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFileStatCache } from './fileStatCache.js';
import { readGitFiles } from './readGitFiles.js';

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

/**
 * Digests every project file outside the ignored folders, reading as little as it can.
 * At the root of a git repository, tracked files git finds unchanged take their object
 * id from git's index and only changed, untracked and ignored files are hashed; elsewhere
 * every file is listed. Either way a file hashed in Node is hashed again only when its
 * stat changed since the last run (the stat cache under `.slipway/`).
 */
export function snapshotFiles(projectDir: string): FileSnapshot {
  const git = existsSync(join(projectDir, '.git')) ? readGitFiles(projectDir) : undefined;
  const cache = openFileStatCache(projectDir, git?.format ?? 'sha1');
  const extra = new Map<string, string>();
  const add = (path: string) => {
    const digest = cache.digest(path);
    if (digest !== undefined) extra.set(path, digest);
  };
  const paths = git ? [...git.changed, ...git.ignored] : [''];
  for (const path of paths) {
    if (path !== '' && !path.endsWith('/')) {
      if (!IGNORED_PATH.test(path)) add(path);
    } else if (!IGNORED_PATH.test(path)) {
      walk(projectDir, path.replace(/\/$/, ''), add);
    }
  }
  cache.save();
  const unchanged = (git?.unchanged ?? []).filter(([path]) => !IGNORED_PATH.test(path));
  return mergeSorted(
    unchanged,
    [...extra].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

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

/** Merges two sorted lists into one map (git's order agrees with JavaScript's for these paths). */
function mergeSorted(a: Array<[string, string]>, b: Array<[string, string]>): FileSnapshot {
  const merged = new Map<string, string>();
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!;
    merged.set(next[0], next[1]);
  }
  return merged;
}
