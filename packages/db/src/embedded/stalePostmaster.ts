import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive, processCommandLine } from '@slipway/core/process';

/** What was found in a cluster directory before starting it. */
export type StalePostmaster = 'none' | 'stale-pid-file' | 'orphan-stopped';

const STOP_WAIT_MS = 15_000;

/**
 * Runs before we start a postmaster on `clusterDir`, while we hold the data-dir lock, so
 * any postmaster there belongs to a Slipway that died:
 * - `postmaster.pid` naming a dead pid (everything was SIGKILLed), a zombie (killed but
 *   never reaped, as under an init that does not reap) or a process that is not a
 *   postgres on this directory (the pid was reused) is removed: Postgres only checks
 *   liveness and would refuse to start. It still refuses to start while an old backend
 *   is attached to the shared memory, which is keyed by the directory, not by the file.
 * - naming a live postgres serving this directory (Slipway was SIGKILLed and its child
 *   survived) is an orphan: it gets SIGINT (fast shutdown), then SIGQUIT, then SIGKILL.
 */
export async function recoverStalePostmaster(clusterDir: string): Promise<StalePostmaster> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const pid = readPostmasterPid(pidFile);
  if (pid === undefined) return 'none';
  if (!isProcessAlive(pid) || !isPostmasterOf(pid, clusterDir)) {
    rmSync(pidFile, { force: true });
    return 'stale-pid-file';
  }
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await exited(pid, STOP_WAIT_MS / 3)) break;
  }
  if (isProcessAlive(pid)) throw new Error(`postgres pid ${pid} survived SIGKILL`);
  // A fast shutdown removes the file; after SIGKILL, or when nobody reaps the orphan,
  // it stays with a pid Postgres would take for a live postmaster.
  rmSync(pidFile, { force: true });
  return 'orphan-stopped';
}

function readPostmasterPid(pidFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isNaN(pid) ? 0 : pid;
  } catch {
    return undefined;
  }
}

function isPostmasterOf(pid: number, clusterDir: string): boolean {
  const commandLine = processCommandLine(pid);
  // Without /proc, trust liveness: we hold the data-dir lock, so a live pid is ours.
  return (
    commandLine === undefined ||
    (commandLine.includes('postgres') && commandLine.includes(clusterDir))
  );
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (let waited = 0; waited < withinMs; waited += 50) {
    if (!isProcessAlive(pid)) return true;
    await sleep(50);
  }
  return !isProcessAlive(pid);
}
