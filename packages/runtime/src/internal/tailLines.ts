import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** At most this many bytes are read from the end of a log to find its last lines. */
const TAIL_BYTES = 256 * 1024;

/** The last `count` lines of a text file; none when it does not exist. */
export function tailLines(path: string, count: number): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    // The first line may start mid-way when the file was longer than what was read.
    if (size > length) lines.shift();
    return count <= 0 ? [] : lines.slice(-count);
  } finally {
    closeSync(fd);
  }
}
