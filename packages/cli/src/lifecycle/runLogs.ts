import {
  createReadStream,
  existsSync,
  readFileSync,
  statSync,
  watchFile,
  unwatchFile,
} from 'node:fs';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { SlipwayError } from '@slipway/core/errors';
import { createFileRunStore } from '@slipway/pipeline';
import { parseSteps } from './upFlags.js';

/**
 * `slipway logs [step] [-f]`: a step's log from the run that last executed it, or every
 * step's log of the last run; `-f` follows the file as it grows until Ctrl-C.
 */
export async function runLogs(
  step: string | undefined,
  flags: { dir: string; follow?: boolean },
): Promise<void> {
  const projectDir = resolve(flags.dir);
  const state = await createFileRunStore(projectDir).load();
  if (!state) {
    throw new SlipwayError({
      code: 'NOT_FOUND',
      component: 'CLI',
      message: `no runs yet in ${projectDir}`,
      recovery: ['Run: slipway up'],
    });
  }
  const names = step ? (parseSteps(step, 'step') ?? []) : Object.keys(state.steps);
  const logs = names
    .map((name) => ({ name, log: state.steps[name as keyof typeof state.steps]?.log }))
    .filter((entry): entry is { name: string; log: string } => entry.log !== undefined);
  if (logs.length === 0) {
    throw new SlipwayError({
      code: 'NOT_FOUND',
      component: 'CLI',
      message: step
        ? `${step} has no log: it has not run (or was cached since its log was removed)`
        : 'the last run has no logs',
      recovery: ['Run: slipway status'],
    });
  }
  for (const { name, log } of logs) {
    const path = join(projectDir, log);
    if (!existsSync(path)) continue;
    if (logs.length > 1) console.log(pc.bold(`── ${name} (${log})`));
    process.stdout.write(readFileSync(path, 'utf8'));
  }
  const last = logs.at(-1);
  if (flags.follow && last) await follow(join(projectDir, last.log));
}

function follow(path: string): Promise<void> {
  let offset = statSync(path).size;
  return new Promise((resolveFollow) => {
    const onChange = () => {
      const size = statSync(path).size;
      if (size <= offset) return;
      createReadStream(path, { start: offset, end: size - 1 }).pipe(process.stdout, { end: false });
      offset = size;
    };
    watchFile(path, { interval: 250 }, onChange);
    process.once('SIGINT', () => {
      unwatchFile(path, onChange);
      resolveFollow();
    });
  });
}
