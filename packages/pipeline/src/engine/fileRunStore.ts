import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core/errors';
import { acquireRunLock } from './runLock.js';
import type { RunState } from './runState.js';
import type { LogSink, RunStore } from './runStore.js';
import type { StepName } from './stepName.js';

/** The state file, relative to the project. */
export const STATE_PATH = '.slipway/state.json';
/** Held while a run executes, with the runner's pid. */
export const LOCK_PATH = '.slipway/run.lock';
/** Per-run folders with one log per step and `report.json`. */
export const RUNS_DIR = '.slipway/runs';

/** The folder of one run's logs and report, relative to the project. */
export function runDir(runId: string): string {
  return `${RUNS_DIR}/${runId}`;
}

/** The log file of one step, relative to the project (`db:migrate` → `db-migrate.log`). */
export function stepLogPath(runId: string, step: StepName): string {
  return `${runDir(runId)}/${step.replace(':', '-')}.log`;
}

/**
 * The CLI's run store: `.slipway/state.json` written atomically (a temp file then a
 * rename, so a crash leaves the old or the new state, never half of one) and one log
 * per step under `.slipway/runs/<run>/`.
 */
export function createFileRunStore(projectDir: string): RunStore {
  const statePath = join(projectDir, STATE_PATH);
  return {
    async load() {
      if (!existsSync(statePath)) return undefined;
      const text = await readFile(statePath, 'utf8');
      try {
        const state = JSON.parse(text) as RunState;
        if (state.schemaVersion !== 1) throw new Error(`schemaVersion ${state.schemaVersion}`);
        return state;
      } catch (cause) {
        throw new SlipwayError({
          code: 'JSON_SYNTAX',
          component: 'Pipeline',
          message: `${STATE_PATH} is not a valid run state: ${(cause as Error).message}`,
          location: { file: statePath },
          recovery: ['Run: slipway up --cleanup   (starts over)', `Or: rm ${STATE_PATH}`],
          cause,
        });
      }
    },
    async save(state) {
      await mkdir(join(projectDir, '.slipway'), { recursive: true });
      const temp = `${statePath}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
      await rename(temp, statePath);
    },
    async openLog(runId, step) {
      const location = stepLogPath(runId, step);
      await mkdir(join(projectDir, runDir(runId)), { recursive: true });
      const stream = createWriteStream(join(projectDir, location), { flags: 'a' });
      return {
        location,
        write: (line) => void stream.write(`${line}\n`),
        close: () => new Promise<void>((resolve) => stream.end(resolve)),
      } satisfies LogSink;
    },
    lock: () => acquireRunLock(join(projectDir, LOCK_PATH)),
    async clear() {
      await rm(statePath, { force: true });
      await rm(join(projectDir, RUNS_DIR), { recursive: true, force: true });
    },
  };
}
