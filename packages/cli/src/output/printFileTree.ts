import pc from 'picocolors';
import type { FileChange, FileChangeKind } from '@slipway/templates';
import { formatBytes } from './formatBytes.js';

const MARK: Record<FileChangeKind, string> = {
  add: pc.green('+'),
  modify: pc.yellow('~'),
  unchanged: pc.dim('='),
  keep: pc.dim('k'),
};

/**
 * Renders planned files as an indented tree with sizes and a change mark per file
 * (`+` new, `~` changed, `=` unchanged, `k` kept as it is).
 */
export function formatFileTree(changes: readonly FileChange[]): string {
  const lines: string[] = [];
  let previous: string[] = [];
  for (const change of changes) {
    const parts = change.path.split('/');
    const folders = parts.slice(0, -1);
    let shared = 0;
    while (shared < folders.length && folders[shared] === previous[shared]) shared += 1;
    for (let depth = shared; depth < folders.length; depth += 1) {
      lines.push(`  ${'  '.repeat(depth)}${pc.bold(`${folders[depth]}/`)}`);
    }
    const name = parts[parts.length - 1];
    lines.push(
      `${MARK[change.kind]} ${'  '.repeat(folders.length)}${name} ${pc.dim(formatBytes(change.size))}`,
    );
    previous = folders;
  }
  return lines.join('\n');
}
