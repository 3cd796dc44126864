import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readlinkSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';

/** Which hash git names objects with in this repository (`sha1` unless it was made with sha256). */
export type ObjectFormat = 'sha1' | 'sha256';

/** A file's stat as read before its content, so a later change shows as a different stat. */
export interface FileStat {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  mode: number;
}

export interface HashedFile {
  stat: FileStat;
  /** `<git mode> <git blob id>`, e.g. `100644 e69de29b…`: what `git ls-files -s` says of the same file. */
  digest: string;
}

/**
 * Hashes one file the way git names its blob (`blob <size>\0<content>`), with its git
 * mode in front, so a file hashed here and the same file read from git's index have the
 * same digest, and a mode change (`chmod +x`) changes it. The stat is taken from the open
 * descriptor before the content is read: a write after the stat gives a later stat, so a
 * stat cache can never pair a new stat with old content.
 */
export function hashFileBlob(absolutePath: string, format: ObjectFormat = 'sha1'): HashedFile {
  const fd = openSync(absolutePath, 'r');
  try {
    const stat = toFileStat(fstatSync(fd, { bigint: true }));
    const content = readFileSync(fd);
    return { stat, digest: `${gitMode(stat.mode)} ${blobId(content, format)}` };
  } finally {
    closeSync(fd);
  }
}

/** A symbolic link as git stores it: a blob holding the link's target. */
export function hashLinkBlob(absolutePath: string, format: ObjectFormat = 'sha1'): string {
  return `120000 ${blobId(Buffer.from(readlinkSync(absolutePath)), format)}`;
}

export function blobId(content: Buffer, format: ObjectFormat): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Git records only whether the owner may execute a regular file. */
export function gitMode(mode: number): string {
  return mode & 0o100 ? '100755' : '100644';
}

export function toFileStat(stat: BigIntStats): FileStat {
  return {
    size: stat.size,
    mtimeNs: stat.mtimeNs,
    ctimeNs: stat.ctimeNs,
    ino: stat.ino,
    mode: Number(stat.mode),
  };
}
