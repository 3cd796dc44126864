import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectFormat } from './hashFileBlob.js';

/** The index's entries for files git finds unchanged, and the rest to hash in Node. */
export interface GitIndexFiles {
  format: ObjectFormat;
  /** Path → `<mode> <object id>`, in git's (byte) order. */
  unchanged: Array<[string, string]>;
  /** Conflicted entries (hashed from the worktree) and nested repositories (`path/`, walked). */
  unusual: string[];
}

const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
const MAX_BUFFER = 1 << 30;

/**
 * What to hash in Node in the repository whose root is `dir`: the tracked files git finds
 * modified, deleted or conflicted (`git diff-files --name-only`: what `git ls-files -m`
 * lists, with the stat calls spread over threads) and the untracked ones
 * (`git ls-files -o --directory`). Ignore rules are not applied, since an ignored file may
 * still be a step's input; a folder holding no tracked file is listed once (`path/`)
 * rather than walked, so `node_modules` costs nothing. Git decides "modified" from the
 * stat data in its index and, for an entry written in the same tick as the index (racily
 * clean), from the content, so a same-second rewrite is still seen. Undefined when git
 * cannot answer.
 */
export function readGitChanges(dir: string): string[] | undefined {
  try {
    const modified = git(dir, ['diff-files', '--name-only', '-z']);
    return [...new Set([...modified, ...git(dir, ['ls-files', '-z', '-o', '--directory'])])];
  } catch {
    return undefined;
  }
}

/** The index (`git ls-files -s`), without the entries in `changed`. Throws when git fails. */
export function readGitIndex(dir: string, changed: ReadonlySet<string>): GitIndexFiles {
  const unchanged: Array<[string, string]> = [];
  const unusual: string[] = [];
  let format: ObjectFormat = 'sha1';
  for (const record of git(dir, ['ls-files', '-z', '-s'])) {
    // `<mode> <id> <stage>\t<path>`: the digest is `<mode> <id>` as it stands.
    const tab = record.indexOf('\t');
    const path = record.slice(tab + 1);
    if (tab - 9 === 64) format = 'sha256';
    if (record[tab - 1] !== '0') unusual.push(path);
    else if (record.startsWith('160000')) unusual.push(`${path}/`);
    else if (!changed.has(path)) unchanged.push([path, record.slice(0, tab - 2)]);
  }
  return { format, unchanged, unusual: [...new Set(unusual)] };
}

/** `sha256` when the repository's config says so, else git's default. */
export function objectFormatOf(dir: string): ObjectFormat {
  try {
    const config = readFileSync(join(dir, '.git', 'config'), 'utf8');
    return /objectformat\s*=\s*sha256/i.test(config) ? 'sha256' : 'sha1';
  } catch {
    return 'sha1';
  }
}

function git(dir: string, args: string[]): string[] {
  const output = execFileSync('git', args, {
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
