import { createHash } from 'node:crypto';

/** At most this many file inputs are recorded per step; past it, folders stand for their files. */
export const MAX_FILE_INPUTS = 1000;

/**
 * A step's file inputs as input ids: `file:<path>` → digest for each file while there
 * are at most `MAX_FILE_INPUTS`; past that, paths are cut to the deepest folder depth
 * that keeps the count under the limit, and `files:<folder>/` → a digest over every
 * path and digest under that folder stands for them. Every file still counts in the key;
 * only the state file stays small and a miss is explained by folder.
 *
 * @param files path → digest, sorted by path (a folder's files are then contiguous)
 */
export function summarizeFiles(
  files: ReadonlyArray<readonly [string, string]>,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (files.length <= MAX_FILE_INPUTS) {
    for (const [path, digest] of files) inputs[`file:${path}`] = digest;
    return inputs;
  }
  const depth = depthFor(files);
  // One hash call per folder, not per file: a call costs more than hashing a short line.
  let group: { id: string; lines: string[] } | undefined;
  const close = () => {
    if (group) inputs[group.id] = sha256(group.lines.join(''));
  };
  for (const [path, digest] of files) {
    const folder = folderAt(path, depth);
    if (folder === undefined) {
      inputs[`file:${path}`] = digest;
      continue;
    }
    const id = `files:${folder}/`;
    if (group?.id !== id) {
      close();
      group = { id, lines: [] };
    }
    group.lines.push(`${path}\0${digest}\n`);
  }
  close();
  return inputs;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The first `depth` segments of `path` when it lies that deep in folders, else undefined. */
function folderAt(path: string, depth: number): string | undefined {
  let end = -1;
  for (let segment = 0; segment < depth; segment += 1) {
    end = path.indexOf('/', end + 1);
    if (end < 0) return undefined;
  }
  return path.slice(0, end);
}

/**
 * The deepest cut that yields at most `MAX_FILE_INPUTS` ids (at least depth 1). With the
 * paths sorted, a path shares the id of the one before it at depth d exactly when the
 * two share at least their first d folders, so one pass counts the ids at every depth.
 */
function depthFor(files: ReadonlyArray<readonly [string, string]>): number {
  const sharing: number[] = [];
  let previous = '';
  let previousDir: string | undefined;
  let dirFolders = 0;
  for (const [path] of files) {
    const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    // Most neighbours share their folder: count its depth once, compare only at boundaries.
    let shared = dirFolders;
    if (dir !== previousDir) {
      shared = sharedFolders(previous, path);
      dirFolders = dir === '' ? 0 : countSlashes(dir) + 1;
      previousDir = dir;
    }
    sharing[shared] = (sharing[shared] ?? 0) + 1;
    previous = path;
  }
  let merged = 0;
  for (let depth = sharing.length - 1; depth >= 1; depth -= 1) {
    merged += sharing[depth] ?? 0;
    if (files.length - merged <= MAX_FILE_INPUTS) return depth;
  }
  return 1;
}

function countSlashes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) count += 1;
  return count;
}

/** How many leading folders two paths have in common. */
function sharedFolders(a: string, b: string): number {
  let shared = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i += 1) {
    if (a[i] === '/') shared += 1;
  }
  return shared;
}
