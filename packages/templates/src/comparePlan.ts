import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { ProjectPlan } from './planProject.js';
import { sortedPaths } from './projectTree.js';

export type FileChangeKind = 'add' | 'modify' | 'unchanged' | 'keep';

export interface FileChange {
  path: string;
  kind: FileChangeKind;
  size: number;
  /** The file's current content, for `modify`. */
  before?: Buffer;
  after: Buffer;
}

/**
 * What applying the plan to `targetDir` would do to each file (the dry run). Reads the
 * target, writes nothing.
 */
export function comparePlan(plan: ProjectPlan, targetDir: string): FileChange[] {
  const target = resolve(targetDir);
  return sortedPaths(plan.tree).map((path) => {
    const file = plan.tree.get(path);
    if (!file) throw new Error(`plan lost ${path}`);
    const absolute = join(target, path);
    const base = { path, size: file.content.length, after: file.content };
    if (!existsSync(absolute)) return { ...base, kind: 'add' };
    if (file.policy === 'keep') return { ...base, kind: 'keep' };
    const before = readFileSync(absolute);
    return before.equals(file.content)
      ? { ...base, kind: 'unchanged' }
      : { ...base, kind: 'modify', before };
  });
}

/** A unified diff of one changed file, or a one-line note for binary content. */
export function unifiedDiff(change: FileChange): string {
  const before = change.before ?? Buffer.alloc(0);
  if (before.includes(0) || change.after.includes(0)) return `Binary file ${change.path} differs\n`;
  return createTwoFilesPatch(
    `a/${change.path}`,
    `b/${change.path}`,
    before.toString('utf8'),
    change.after.toString('utf8'),
    undefined,
    undefined,
    { context: 3 },
  );
}
