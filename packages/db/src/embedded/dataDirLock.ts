import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { isProcessAlive, processCommandLine } from '@slipway/core/process';

const LOCK_FILE = 'slipway.lock';

/** Data dirs this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes `<dataDir>/slipway.lock` (our pid, created with O_EXCL). A lock whose pid is no
 * longer alive, or is no longer a Node process, is stale — its Slipway was killed — and
 * is taken over; a live one means another Slipway uses this data dir, which must not
 * start a second postmaster on it.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(path);
      return { path, release: () => release(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder !== undefined && holder !== process.pid && isSlipwayProcess(holder)) {
      throw inUse(dataDir, holder);
    }
    rmSync(path, { force: true });
  }
  throw inUse(dataDir, readHolder(path) ?? 0);
}

function release(path: string): void {
  if (!heldHere.delete(path)) return;
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}

/**
 * A live pid that runs Node. After a reboot or a container restart the pid in a stale
 * lock often belongs to another program (pid 1 is typically an init); without `/proc`
 * liveness alone decides.
 */
function isSlipwayProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  return commandLine === undefined || /node|slipway/i.test(commandLine);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch {
    return undefined;
  }
}

function inUse(dataDir: string, pid: number): SlipwayError {
  return new SlipwayError({
    code: 'DATA_DIR_IN_USE',
    component: 'Database',
    message: `Another Slipway (pid ${pid}) is using the data directory ${dataDir}.`,
    recovery: [
      `stop the other Slipway (kill ${pid}) and start again`,
      'or start this one with another --data-dir',
      'or share one PostgreSQL server between both with DATABASE_URL',
    ],
  });
}
