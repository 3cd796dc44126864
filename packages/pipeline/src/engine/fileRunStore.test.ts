import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_PATH, createFileRunStore, stepLogPath } from './fileRunStore.js';
import type { RunState } from './runState.js';
import { testdir } from '../testing/testdir.js';

const state: RunState = {
  schemaVersion: 1,
  runId: 'r1',
  status: 'running',
  startedAt: 'now',
  steps: { build: { status: 'running' } },
};

describe('createFileRunStore', () => {
  it('saves atomically (no temp file left) and loads what it saved', async () => {
    const dir = testdir();
    const store = createFileRunStore(dir);
    expect(await store.load()).toBeUndefined();
    await store.save(state);
    expect(await store.load()).toEqual(state);
    expect(readdirSync(join(dir, '.slipway'))).toEqual(['state.json']);
  });

  it('writes one log per step under .slipway/runs/<id>/', async () => {
    const dir = testdir();
    const sink = await createFileRunStore(dir).openLog('r1', 'db:migrate');
    sink.write('line 1');
    await sink.close();
    expect(sink.location).toBe(stepLogPath('r1', 'db:migrate'));
    expect(readFileSync(join(dir, '.slipway/runs/r1/db-migrate.log'), 'utf8')).toBe('line 1\n');
  });

  it('an unreadable state file is a SlipwayError with a way out', async () => {
    const dir = testdir({ [STATE_PATH]: '{ torn' });
    await expect(createFileRunStore(dir).load()).rejects.toMatchObject({ code: 'JSON_SYNTAX' });
    writeFileSync(join(dir, STATE_PATH), '{}');
    await expect(createFileRunStore(dir).load()).rejects.toMatchObject({
      recovery: expect.arrayContaining(['Run: slipway up --cleanup   (starts over)']),
    });
  });
});
