import { readFileSync } from 'node:fs';

/**
 * Whether a process with this pid exists and is not a zombie (signal 0 probes without
 * signalling). The one liveness check behind every pid-file lock and supervisor:
 * `@slipway/core/process`.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The command line of a live process, or undefined where `/proc` is unavailable (then
 * callers fall back to liveness alone).
 */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** A killed child not yet reaped by its parent (or by an init that never reaps) is dead. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
