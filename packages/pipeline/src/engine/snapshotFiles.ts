import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Project-relative path (forward slashes) → sha256 of the content, in sorted order. */
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

/** Hashes every project file outside the ignored folders. */
export function snapshotFiles(projectDir: string): FileSnapshot {
  const paths: string[] = [];
  walk(projectDir, '', paths);
  paths.sort();
  const snapshot = new Map<string, string>();
  for (const path of paths) {
    const digest = createHash('sha256').update(readFileSync(join(projectDir, path)));
    snapshot.set(path, digest.digest('hex'));
  }
  return snapshot;
}

function walk(root: string, prefix: string, into: string[]): void {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(root, path, into);
    } else if (entry.isFile() && !IGNORED_FILE.test(entry.name)) {
      into.push(path);
    }
  }
}
