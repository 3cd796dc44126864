import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { percentile, summarizeTelemetry } from './summarizeTelemetry.js';
import { appendTelemetry, readTelemetry, telemetryEnabled } from './telemetryRecord.js';
import type { TelemetryRecord } from './telemetryRecord.js';

const record = (
  status: string,
  durationMs: number,
  extra: Partial<TelemetryRecord> = {},
): TelemetryRecord => ({
  v: 1,
  at: '2026-01-01T00:00:00Z',
  runId: 'r',
  status,
  durationMs,
  steps: {
    install: { status: 'succeeded', durationMs: durationMs / 2 },
    build: { status: 'cached' },
  },
  flags: [],
  node: 'v20',
  platform: 'linux',
  ...extra,
});

describe('summarizeTelemetry', () => {
  it('counts runs, success rate, median, p95, phases and errors', () => {
    const summary = summarizeTelemetry([
      record('succeeded', 100),
      record('succeeded', 200),
      record('failed', 300, { errorCode: 'BUILD_FAILED', failedStep: 'build' }),
      record('failed', 400, { errorCode: 'BUILD_FAILED', failedStep: 'build' }),
    ]);
    expect(summary).toMatchObject({
      runs: 4,
      succeeded: 2,
      successRate: 0.5,
      medianMs: 200,
      p95Ms: 400,
    });
    expect(summary.phases).toEqual([
      { step: 'install', runs: 4, totalMs: 500, medianMs: 100, share: 1 },
    ]);
    expect(summary.errors).toEqual([{ code: 'BUILD_FAILED', step: 'build', count: 2 }]);
  });

  it('percentile is nearest-rank', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
  });
});

describe('telemetry file', () => {
  it('appends one line per run and skips torn lines', async () => {
    const file = join(testdir(), 'telemetry.jsonl');
    await appendTelemetry(record('succeeded', 1), file);
    await appendTelemetry(record('failed', 2), file);
    const { appendFile } = await import('node:fs/promises');
    await appendFile(file, '{"torn');
    expect((await readTelemetry(file)).map((r) => r.status)).toEqual(['succeeded', 'failed']);
  });

  it('is off with SLIPWAY_TELEMETRY=0', () => {
    expect(telemetryEnabled({})).toBe(true);
    expect(telemetryEnabled({ SLIPWAY_TELEMETRY: '0' })).toBe(false);
  });
});
