import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from './isProcessAlive.js';

/** How long to wait for another Slipway process to finish its read-modify-write. */
const WAIT_MS = 10_000;

/**
 * Runs `work` while holding `<path>.lock` (a directory, created atomically), so two
 * Slipway processes updating one state file do not lose each other's change. A lock whose
 * owner process is gone is taken over.
 */
export async function withFileLock<T>(path: string, work: () => T | Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ownerIsGone(lock) || Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await sleep(delay);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ownerIsGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid);
  } catch {
    // The owner has created the directory but not yet written its pid.
    return false;
  }
}
