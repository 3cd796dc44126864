import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * A digest of the repository's index file, the same for the same index bytes: git's own
 * trailing checksum when it wrote one (the last 20 or 32 bytes), else a sha256 of the
 * whole file (`index.skipHash` leaves zeros there). Undefined when the index cannot be
 * found for sure (no index yet, `GIT_DIR` or `GIT_INDEX_FILE` set): callers then do
 * without anything keyed by it.
 */
export function readIndexId(repoDir: string): string | undefined {
  if (process.env.GIT_DIR || process.env.GIT_INDEX_FILE) return undefined;
  const index = indexPath(repoDir);
  if (!index) return undefined;
  try {
    const fd = openSync(index, 'r');
    try {
      const size = fstatSync(fd).size;
      const tail = Buffer.alloc(Math.min(32, size));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      const trailer = tail.subarray(tail.length - 20);
      if (trailer.some((byte) => byte !== 0)) return `trailer:${tail.toString('hex')}`;
      return `sha256:${createHash('sha256').update(readFileSync(index)).digest('hex')}`;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** `.git/index`, or the index of the worktree a `.git` file points at. */
function indexPath(repoDir: string): string | undefined {
  const dotGit = join(repoDir, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return join(dotGit, 'index');
    const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (!pointer) return undefined;
    return join(isAbsolute(pointer) ? pointer : join(repoDir, pointer), 'index');
  } catch {
    return undefined;
  }
}
