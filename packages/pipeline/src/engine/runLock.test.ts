import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from './runLock.js';
import { testdir } from '../testing/testdir.js';

describe('acquireRunLock', () => {
  it('lets one run in at a time and takes over the lock of a dead one', async () => {
    const path = join(testdir(), '.slipway/run.lock');
    const release = await acquireRunLock(path);
    writeFileSync(path, String(process.ppid));
    await expect(acquireRunLock(path)).rejects.toMatchObject({ code: 'CONFLICT' });
    writeFileSync(path, '999999999');
    const again = await acquireRunLock(path);
    await again();
    expect(existsSync(path)).toBe(false);
    await release();
  });
});
