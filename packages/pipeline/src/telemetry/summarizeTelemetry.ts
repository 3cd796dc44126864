import type { TelemetryRecord } from './telemetryRecord.js';

export interface TelemetrySummary {
  runs: number;
  succeeded: number;
  /** 0..1; 0 when there are no runs. */
  successRate: number;
  medianMs: number;
  p95Ms: number;
  /** Time spent per step across runs that executed it, largest first. */
  phases: Array<{ step: string; runs: number; totalMs: number; medianMs: number; share: number }>;
  /** Error codes by frequency. */
  errors: Array<{ code: string; step?: string; count: number }>;
}

/** `slipway stats`: runs, success rate, median and p95 duration, phases, common errors */
export function summarizeTelemetry(records: readonly TelemetryRecord[]): TelemetrySummary {
  const durations = records.map((record) => record.durationMs);
  const succeeded = records.filter((record) => record.status === 'succeeded').length;
  const perStep = new Map<string, number[]>();
  for (const record of records) {
    for (const [step, entry] of Object.entries(record.steps)) {
      if (entry?.durationMs === undefined) continue;
      perStep.set(step, [...(perStep.get(step) ?? []), entry.durationMs]);
    }
  }
  const total = [...perStep.values()].flat().reduce((sum, ms) => sum + ms, 0);
  const phases = [...perStep.entries()]
    .map(([step, values]) => {
      const totalMs = values.reduce((sum, ms) => sum + ms, 0);
      return {
        step,
        runs: values.length,
        totalMs,
        medianMs: percentile(values, 50),
        share: total ? totalMs / total : 0,
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs);
  const errorCounts = new Map<string, { code: string; step?: string; count: number }>();
  for (const record of records) {
    if (!record.errorCode) continue;
    const id = `${record.errorCode}@${record.failedStep ?? ''}`;
    const entry = errorCounts.get(id) ?? {
      code: record.errorCode,
      ...(record.failedStep ? { step: record.failedStep } : {}),
      count: 0,
    };
    entry.count += 1;
    errorCounts.set(id, entry);
  }
  return {
    runs: records.length,
    succeeded,
    successRate: records.length ? succeeded / records.length : 0,
    medianMs: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    phases,
    errors: [...errorCounts.values()].sort((a, b) => b.count - a.count),
  };
}

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}
