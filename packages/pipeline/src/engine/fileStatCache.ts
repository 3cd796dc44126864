import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFileBlob, hashLinkBlob, toFileStat } from './hashFileBlob.js';
import type { FileStat, ObjectFormat } from './hashFileBlob.js';

/** The stat cache, relative to the project: path → stat and digest of files hashed in Node. */
export const FILE_CACHE_PATH = '.slipway/file-hashes';

const HEADER = 'slipway-file-hashes 2';
/**
 * An entry is trusted only if the file was last written this long before the run that
 * hashed it started. Files get the kernel's coarse clock, a tick behind the real one, so a
 * file written during that run's scan could otherwise keep its old stat with new content.
 */
const RACY_MARGIN_NS = 1_000_000_000n;

interface Entry {
  /** `size mtimeNs ctimeNs inode mode`: compared as one string, never parsed. */
  stat: string;
  digest: string;
  /** Written too close to the hashing run to trust its stat: hash again next time. */
  racy: boolean;
}

/** Digests of files by path, re-hashing only files whose stat changed since they were hashed. */
export interface FileStatCache {
  /** The file's digest, or undefined when it is gone or is neither a file nor a link. */
  digest(path: string): string | undefined;
  /** Writes the entries looked up this run (atomically), when any changed and `.slipway/` exists. */
  save(): void;
}

/**
 * Opens the project's stat cache. A missing, foreign or corrupt file (bad header, bad
 * checksum, a malformed line) counts as empty: it only costs a full hash, never a wrong hit.
 */
export function openFileStatCache(projectDir: string, format: ObjectFormat): FileStatCache {
  const file = join(projectDir, FILE_CACHE_PATH);
  const known = readEntries(file, format);
  const seen = new Map<string, Entry>();
  const scanStartNs = BigInt(Date.now()) * 1_000_000n;
  let changed = false;
  return {
    digest(path) {
      const absolute = join(projectDir, path);
      const stat = lstatOrUndefined(absolute);
      if (stat?.isSymbolicLink()) return hashLinkBlob(absolute, format);
      if (!stat?.isFile()) return undefined;
      const cached = known.get(path);
      if (cached && !cached.racy && cached.stat === statKey(toFileStat(stat))) {
        seen.set(path, cached);
        return cached.digest;
      }
      const entry = hashEntry(absolute, format, scanStartNs);
      if (entry) seen.set(path, entry);
      // A racy entry hashed again to the same stat and digest adds nothing to save.
      changed ||= !cached || !entry || !sameEntry(cached, entry);
      return entry?.digest;
    },
    save() {
      if (!changed && seen.size === known.size) return;
      if (!existsSync(join(projectDir, '.slipway'))) return;
      writeEntries(file, format, seen);
    },
  };
}

function lstatOrUndefined(absolute: string) {
  try {
    return lstatSync(absolute, { bigint: true });
  } catch {
    return undefined;
  }
}

/** Undefined when the file went away (or became unreadable) since it was listed. */
function hashEntry(absolute: string, format: ObjectFormat, scanStartNs: bigint): Entry | undefined {
  try {
    const { stat, digest } = hashFileBlob(absolute, format);
    return { stat: statKey(stat), digest, racy: stat.mtimeNs >= scanStartNs - RACY_MARGIN_NS };
  } catch {
    return undefined;
  }
}

function statKey(stat: FileStat): string {
  return `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino} ${stat.mode}`;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return a.digest === b.digest && a.racy === b.racy && a.stat === b.stat;
}

function readEntries(file: string, format: ObjectFormat): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return entries;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== `${HEADER} ${format} ${checksum(body)}`) {
    return entries;
  }
  for (const line of body.split('\n')) {
    if (line === '') continue;
    const entry = parseLine(line);
    if (!entry) return new Map();
    entries.set(entry[0], entry[1]);
  }
  return entries;
}

const DIGEST = /^(100644|100755|120000) [0-9a-f]{40}([0-9a-f]{24})?$/;
const STAT = /^\d+ \d+ \d+ \d+ \d+$/;

function parseLine(line: string): [string, Entry] | undefined {
  const [path, stat, racy, digest, extra] = line.split('\t');
  if (!path || extra !== undefined || !stat || !STAT.test(stat)) return undefined;
  if (!digest || !DIGEST.test(digest) || (racy !== '0' && racy !== '1')) return undefined;
  return [path, { stat, racy: racy === '1', digest }];
}

/** Temp file then rename: a reader sees the old cache or the new one, never a mix. */
function writeEntries(file: string, format: ObjectFormat, entries: Map<string, Entry>): void {
  const lines: string[] = [];
  for (const [path, entry] of entries) {
    // Tabs and newlines would break the line format; such files are simply hashed each run.
    if (/[\t\n\r]/.test(path)) continue;
    lines.push(`${path}\t${entry.stat}\t${entry.racy ? 1 : 0}\t${entry.digest}`);
  }
  const body = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${HEADER} ${format} ${checksum(body)}\n${body}`);
    renameSync(temp, file);
  } catch {
    // Only a cache: a failed write means the next run hashes those files again.
    rmSync(temp, { force: true });
  }
}

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
