import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectTree } from '../projectTree.js';

/** A project's files by relative posix path, from disk or from a plan. */
export type ProjectFiles = ReadonlyMap<string, Buffer>;

/** Folders that hold installs, builds, caches and local data, never template output. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  'dist',
  '.turbo',
  '.data',
  'coverage',
  '.slipway',
]);

/** Reads a project folder for validation, skipping installs, builds and caches. */
export function readProjectFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (absolute: string, prefix: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.isDirectory() && SKIPPED.has(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(join(absolute, entry.name), path);
      else if (entry.isFile()) files.set(path, readFileSync(join(absolute, entry.name)));
    }
  };
  visit(dir, '');
  return files;
}

/** The files of a planned tree, as validation sees them. */
export function planFiles(tree: ProjectTree): Map<string, Buffer> {
  return new Map([...tree].map(([path, file]) => [path, file.content]));
}

export function isTextFile(content: Buffer): boolean {
  return !content.subarray(0, 8000).includes(0);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
