import { execFileSync } from 'node:child_process';
import type { ObjectFormat } from './hashFileBlob.js';

/** What git knows of a repository's files, read without writing anything (not even the index). */
export interface GitFiles {
  format: ObjectFormat;
  /** Tracked files git finds unchanged in the worktree, in git's (byte) order: path → `<mode> <object id>`. */
  unchanged: Array<[string, string]>;
  /** Files to hash in Node: tracked ones changed in the worktree (or conflicted), and untracked ones. */
  changed: string[];
  /** Ignored files, and ignored or nested-repository folders (ending in `/`) to walk. */
  ignored: string[];
}

const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
const MAX_BUFFER = 1 << 30;

/**
 * Reads the files of the repository whose root is `dir`: object ids from the index
 * (`git ls-files -s`) for every tracked file git finds unchanged, and the paths git
 * finds modified, deleted or untracked (`git ls-files -m -o --exclude-standard`). Git
 * decides "unchanged" from the stat data in its index and, for an entry written in the
 * same tick as the index (racily clean), from the content, so a same-second rewrite is
 * still seen. Returns undefined when git cannot answer (no git, not a repository).
 */
export function readGitFiles(dir: string): GitFiles | undefined {
  try {
    const staged = listFiles(dir, ['-s']);
    const changed = new Set(listFiles(dir, ['-m', '-o', '--exclude-standard']));
    const ignored = listFiles(dir, ['-o', '-i', '--exclude-standard', '--directory']);
    return { ...fromIndex(staged, changed), changed: [...changed], ignored };
  } catch {
    return undefined;
  }
}

function listFiles(dir: string, args: string[]): string[] {
  const output = execFileSync('git', ['ls-files', '-z', ...args], {
    cwd: dir,
    env: GIT_ENV,
    maxBuffer: MAX_BUFFER,
    stdio: ['ignore', 'pipe', 'ignore'],
    encoding: 'utf8',
  });
  const records = output.split('\0');
  records.pop();
  return records;
}

/**
 * `<mode> <id> <stage>\t<path>` lines. Conflicted entries (stage > 0) are hashed from
 * the worktree; a nested repository (mode 160000) is walked like an ignored folder.
 */
function fromIndex(staged: string[], changed: Set<string>) {
  const unchanged: Array<[string, string]> = [];
  let format: ObjectFormat = 'sha1';
  for (const record of staged) {
    const tab = record.indexOf('\t');
    const path = record.slice(tab + 1);
    const [mode, id, stage] = record.slice(0, tab).split(' ');
    if (id?.length === 64) format = 'sha256';
    if (stage !== '0') changed.add(path);
    else if (mode === '160000') changed.add(`${path}/`);
    else if (!changed.has(path)) unchanged.push([path, `${mode} ${id}`]);
  }
  return { format, unchanged };
}
