import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileRunStore } from '@slipway/pipeline';
import { createDeferredRunStore } from './deferredRunStore.js';

describe('createDeferredRunStore', () => {
  it('writes nothing until flushed, then hands state and logs to the real store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-deferred-'));
    try {
      const deferred = createDeferredRunStore();
      const sink = await deferred.openLog('run-1', 'create');
      sink.write('created 3 files');
      await sink.close();
      await deferred.save({
        schemaVersion: 1,
        runId: 'run-1',
        status: 'succeeded',
        startedAt: '2026-12-03T00:00:00.000Z',
        steps: { create: { status: 'succeeded', log: sink.location } },
      });
      expect(readdirSync(dir)).toEqual([]);
      expect((await deferred.load())?.runId).toBe('run-1');
      const target = createFileRunStore(dir);
      await deferred.flushInto(target);
      const state = await target.load();
      expect(state?.steps.create?.log).toBe('.slipway/runs/run-1/create.log');
      expect(readFileSync(join(dir, '.slipway/runs/run-1/create.log'), 'utf8')).toBe(
        'created 3 files\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
