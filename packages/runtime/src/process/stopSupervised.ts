import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../internal/isProcessAlive.js';
import { STOP_TIMEOUT_MS } from './startSupervised.js';

/**
 * Stops a supervised instance: SIGTERM to the supervisor (which stops the app and then
 * itself); when it is gone but the app survives, or it does not finish in time, SIGKILL
 * to the supervisor's process group, which holds the app and whatever the app spawned.
 */
export async function stopSupervised(supervisorPid?: number, appPid?: number): Promise<void> {
  const alive = (pid: number | undefined) => pid !== undefined && isProcessAlive(pid);
  if (alive(supervisorPid)) {
    signal(supervisorPid as number, 'SIGTERM');
    await waitForExit(supervisorPid as number, STOP_TIMEOUT_MS + 2_000);
  } else if (alive(appPid)) {
    signal(appPid as number, 'SIGTERM');
    await waitForExit(appPid as number, STOP_TIMEOUT_MS);
  }
  for (const pid of [supervisorPid, appPid]) {
    if (!alive(pid)) continue;
    // The group first (the supervisor leads it); the pid alone when it has left the group.
    if (supervisorPid !== undefined) signal(-supervisorPid, 'SIGKILL');
    signal(pid as number, 'SIGKILL');
    await waitForExit(pid as number, 2_000);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(50);
  }
  return !isProcessAlive(pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
