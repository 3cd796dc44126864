import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunResult } from '../engine/executeRun.js';
import type { StepName } from '../engine/stepName.js';

/** One line of `~/.slipway/telemetry.jsonl`. No paths, names, env values or messages. */
export interface TelemetryRecord {
  v: 1;
  at: string;
  runId: string;
  status: string;
  durationMs: number;
  /** Step → status and duration (only steps that ran have a duration). */
  steps: Record<StepName, { status: string; durationMs?: number }>;
  failedStep?: StepName;
  errorCode?: string;
  /** The flags used, without their values, e.g. `--force`. */
  flags: string[];
  node: string;
  platform: string;
  template?: string;
}

/** The telemetry file: `$SLIPWAY_HOME/telemetry.jsonl`, by default `~/.slipway/telemetry.jsonl`. */
export function telemetryPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return join(env.SLIPWAY_HOME || join(homedir(), '.slipway'), 'telemetry.jsonl');
}

/** Telemetry is on unless `SLIPWAY_TELEMETRY=0` (or `false`, `off`). */
export function telemetryEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return !['0', 'false', 'off'].includes((env.SLIPWAY_TELEMETRY ?? '').toLowerCase());
}

/** The telemetry line of a finished run: statuses, durations, the error code, flag names. */
export function telemetryRecord(
  result: RunResult,
  context: { flags: readonly string[]; template?: string },
): TelemetryRecord {
  const steps: TelemetryRecord['steps'] = {};
  for (const [name, record] of Object.entries(result.state.steps)) {
    const ran = record.runId === result.runId && record.durationMs !== undefined;
    steps[name as StepName] = {
      status: record.status,
      ...(ran ? { durationMs: record.durationMs } : {}),
    };
  }
  return {
    v: 1,
    at: new Date().toISOString(),
    runId: result.runId,
    status: result.status,
    durationMs: result.durationMs,
    steps,
    ...(result.state.failedStep ? { failedStep: result.state.failedStep } : {}),
    ...(result.error ? { errorCode: result.error.code } : {}),
    flags: [...context.flags],
    node: process.version,
    platform: process.platform,
    ...(context.template ? { template: context.template } : {}),
  };
}

/** Appends one line to the telemetry file (callers check `telemetryEnabled` first). */
export async function appendTelemetry(
  record: TelemetryRecord,
  file = telemetryPath(),
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(record)}\n`);
}

/** Reads the telemetry file; unreadable lines are skipped. */
export async function readTelemetry(file = telemetryPath()): Promise<TelemetryRecord[]> {
  if (!existsSync(file)) return [];
  const records: TelemetryRecord[] = [];
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as TelemetryRecord);
    } catch {
      // A torn line from a crash mid-append: the others still count.
    }
  }
  return records;
}
