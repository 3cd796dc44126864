import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SlipwayError } from '@slipway/core/errors';
import { isProcessAlive } from '@slipway/core/process';

/**
 * Takes a lock file holding this process's pid (created with `wx`, so exactly one
 * creator wins). A lock whose pid is gone (a killed run) is taken over.
 */
export async function acquireRunLock(path: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (
        Number.isInteger(holder) &&
        holder > 0 &&
        holder !== process.pid &&
        isProcessAlive(holder)
      ) {
        throw new SlipwayError({
          code: 'CONFLICT',
          component: 'Pipeline',
          message: `another slipway up (pid ${holder}) is running in this project`,
          recovery: [
            'Wait for it to finish, or stop it with Ctrl-C',
            `Or, if it is gone: rm ${path}`,
          ],
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new SlipwayError({
    code: 'CONFLICT',
    component: 'Pipeline',
    message: `could not take the run lock ${path}`,
    recovery: [`rm ${path}`],
  });
}
