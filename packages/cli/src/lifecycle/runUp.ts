import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { EXIT_CODE } from '@slipway/core/errors';
import { createLocalPorts, upProject } from '@slipway/factory';
import type { UpEvent, UpOptions } from '@slipway/factory';
import { reportPath } from '@slipway/pipeline';
import type { CleanupPlan, RunResult } from '@slipway/pipeline';
import { withInterrupt } from '../output/withInterrupt.js';
import { SLIPWAY_VERSION } from '../version.js';
import { createRunRenderer } from './createRunRenderer.js';
import { formatDuration } from './formatDuration.js';
import { formatPlan, planToJson } from './formatPlan.js';
import type { UpFlags } from './upFlags.js';
import { flagNames, parseConcurrency, parseHealthTimeout, parseSteps } from './upFlags.js';

/**
 * `slipway up [dir]`: parses the flags, runs `@slipway/factory`'s `upProject` and renders
 * its events and result. Resolves with the exit code; a failed run's error is thrown
 * (after the summary) so `main` renders it, except with `--json`, where it is part of the
 * printed result. Both exit with the error's code.
 */
export async function runUp(dir: string, flags: UpFlags): Promise<number> {
  const options = await upOptions(dir, flags);
  if (options.dryRun) return dryRun(options, flags);
  const renderer = createRunRenderer({
    tty: Boolean(process.stdout.isTTY) && !flags.json,
    verbose: flags.verbose ?? false,
    write: (text) => void (flags.json ? process.stderr : process.stdout).write(text),
  });
  const onEvent = (event: UpEvent) =>
    event.type === 'cleanup:finished' ? printCleanedUp(event.removed) : renderer.onEvent(event);
  const result = await withInterrupt((signal) =>
    upProject({ ...options, onEvent, signal }).finally(() => renderer.stop()),
  );
  if (result.kind !== 'ran') return 0;
  const { run } = result;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(resultToJson(run), null, 2)}\n`);
    return run.error ? EXIT_CODE[run.error.code] : 0;
  }
  printSummary(run);
  if (run.error) throw run.error;
  return 0;
}

/** The flags, checked, as the use case's options with this machine's ports. */
async function upOptions(
  dir: string,
  flags: UpFlags,
): Promise<Omit<UpOptions, 'onEvent' | 'signal'>> {
  const projectDir = resolve(dir);
  const healthTimeoutMs = parseHealthTimeout(flags.healthTimeout);
  return {
    projectDir,
    plan: {
      only: parseSteps(flags.only, '--only'),
      skip: parseSteps(flags.skip, '--skip'),
      resumeFrom: parseSteps(flags.resumeFrom, '--resume-from')?.[0],
      force: flags.force ?? false,
    },
    concurrency: parseConcurrency(flags.concurrency),
    healthTimeoutMs,
    databaseUrl: flags.databaseUrl,
    dryRun: flags.dryRun ?? false,
    cleanup: flags.cleanup ?? false,
    env: process.env,
    telemetry: { flags: flagNames(flags) },
    ...(await createRequest(dir, flags)),
    ports: createLocalPorts({
      projectDir,
      scope: flags.scope,
      deploy: flags.deploy !== false,
      healthTimeoutMs,
    }),
  };
}

/**
 * With `--config` and no folder yet, the run creates the project first, as its `create`
 * step, from the config as `slipway create <dir> --config <file> --yes` would.
 */
async function createRequest(dir: string, flags: UpFlags): Promise<Pick<UpOptions, 'create'>> {
  if (!flags.config || existsSync(resolve(dir))) return {};
  const { findTemplate, loadProjectConfig } = await import('@slipway/templates');
  const { resolveCreateInput } = await import('../create/resolveCreateInput.js');
  const config = loadProjectConfig(flags.config);
  const request = resolveCreateInput(dir, { config: flags.config, set: [], yes: true }, config);
  const template = findTemplate(request.template);
  return { create: { template, input: request.input, slipwayVersion: SLIPWAY_VERSION } };
}

async function dryRun(options: Omit<UpOptions, 'onEvent'>, flags: UpFlags): Promise<number> {
  const result = await upProject(options);
  if (result.kind === 'create-planned') {
    const { printDryRun } = await import('../create/runCreate.js');
    printDryRun(result.plan, { targetDir: result.targetDir, json: flags.json });
    if (!flags.json) console.log('\n(dry run: the lifecycle is planned once the project exists)');
    return 0;
  }
  if (result.kind !== 'planned') return 0;
  if (result.cleanup) printCleanupPlan(result.cleanup);
  if (flags.json) process.stdout.write(`${JSON.stringify(planToJson(result.plan), null, 2)}\n`);
  else console.log(formatPlan(result.plan));
  return 0;
}

function printCleanupPlan(plan: CleanupPlan): void {
  console.log(
    `${pc.bold('Cleanup')} would stop instances and remove: ${plan.remove.join(', ') || 'nothing'}`,
  );
}

function printCleanedUp(removed: readonly string[]): void {
  console.log(pc.dim(`cleaned up: ${removed.join(', ') || 'nothing to remove'}`));
}

function printSummary(result: RunResult): void {
  const ran = result.executed.length;
  const hits = result.cached.length;
  const status = result.status === 'succeeded' ? pc.green('succeeded') : pc.red(result.status);
  console.log(
    `\n${pc.bold('slipway up')} ${status} in ${formatDuration(result.durationMs)} — ${ran} ran, ${hits} cached ${pc.dim(`(run ${result.runId})`)}`,
  );
  // Only a URL this run deployed or verified: records of steps left out are older.
  const touched = new Set([...result.executed, ...result.cached]);
  const url = touched.has('health')
    ? result.state.steps.health?.outcome?.url
    : touched.has('deploy')
      ? result.state.steps.deploy?.outcome?.url
      : undefined;
  if (typeof url === 'string' && result.status === 'succeeded')
    console.log(`${pc.bold('→')} ${url}`);
  if (result.state.steps.report?.outcome?.report) {
    console.log(pc.dim(`report: ${String(result.state.steps.report.outcome.report)}`));
  } else if (result.status === 'succeeded') {
    console.log(pc.dim(`report: ${reportPath(result.runId)}`));
  }
}

function resultToJson(result: RunResult) {
  return {
    ok: result.status === 'succeeded',
    runId: result.runId,
    status: result.status,
    durationMs: result.durationMs,
    executed: result.executed,
    cached: result.cached,
    // Input digests stay in .slipway/state.json: hundreds of file hashes help no reader here.
    steps: Object.fromEntries(
      Object.entries(result.state.steps).map(([name, { inputs: _inputs, ...record }]) => [
        name,
        record,
      ]),
    ),
    ...(result.error ? { error: result.error.toJSON() } : {}),
  };
}
