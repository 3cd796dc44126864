import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pc from 'picocolors';
import {
  appendTelemetry,
  applyCleanup,
  createFileRunStore,
  createStepCatalog,
  executeRun,
  loadProject,
  planCleanup,
  planRun,
  projectTemplate,
  reportPath,
  telemetryEnabled,
  telemetryRecord,
} from '@slipway/pipeline';
import type { Deployer, HealthChecker, RunResult } from '@slipway/pipeline';
import { withInterrupt } from '../output/withInterrupt.js';
import { createRunRenderer } from './createRunRenderer.js';
import { formatDuration } from './formatDuration.js';
import { formatPlan, planToJson } from './formatPlan.js';
import { projectSecrets } from './projectSecrets.js';
import { runtimeHooks } from './runtimeHooks.js';
import type { UpFlags } from './upFlags.js';
import { flagNames, parseConcurrency, parseHealthTimeout, parseSteps } from './upFlags.js';

/** `slipway up [dir]`: plan the lifecycle, print it (`--dry-run`) or execute it. */
export async function runUp(dir: string, flags: UpFlags): Promise<void> {
  const projectDir = resolve(dir);
  if (flags.config && !existsSync(projectDir)) {
    await createFirst(dir, flags);
    // A dry run wrote nothing, so there is no project to plan the rest on.
    if (flags.dryRun) return;
  }
  const template = projectTemplate(projectDir);
  const options = {
    only: parseSteps(flags.only, '--only'),
    skip: parseSteps(flags.skip, '--skip'),
    resumeFrom: parseSteps(flags.resumeFrom, '--resume-from')?.[0],
    force: flags.force ?? false,
  };
  const concurrency = parseConcurrency(flags.concurrency);
  const healthTimeoutMs = parseHealthTimeout(flags.healthTimeout);
  const hooks: { deployer?: Deployer; healthChecker?: HealthChecker } =
    flags.deploy === false ? {} : await runtimeHooks(projectDir, { healthTimeoutMs });
  const steps = createStepCatalog({
    projectDir,
    databaseUrl: flags.databaseUrl,
    ...hooks,
    ...(healthTimeoutMs ? { healthTimeoutMs } : {}),
  });
  const store = createFileRunStore(projectDir);
  if (flags.cleanup) await cleanup({ projectDir, steps, store, dryRun: flags.dryRun ?? false });
  // Secrets from the local store reach every step and the deployed instance as environment
  // (architecture decision 8) and are redacted from every log.
  const { createLocalSecretsStore } = await import('@slipway/secrets');
  const stored = createLocalSecretsStore({ scope: flags.scope }).resolve();
  const env = { ...process.env, ...stored, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
  const project = await loadProject({ dir: projectDir, steps, store, env });
  // A dry run of --cleanup removed nothing: plan as the run after it would, from scratch.
  const plan = planRun(
    flags.cleanup && flags.dryRun ? { ...project, previous: undefined } : project,
    options,
  );
  if (flags.dryRun) {
    if (flags.json) process.stdout.write(`${JSON.stringify(planToJson(plan), null, 2)}\n`);
    else console.log(formatPlan(plan));
    return;
  }
  const renderer = createRunRenderer({
    tty: Boolean(process.stdout.isTTY) && !flags.json,
    verbose: flags.verbose ?? false,
    write: (text) => void (flags.json ? process.stderr : process.stdout).write(text),
  });
  const secrets = projectSecrets(projectDir, [flags.databaseUrl, ...Object.values(stored)]);
  const result = await withInterrupt((signal) =>
    executeRun(plan, { store, signal, concurrency, secrets, onEvent: renderer.onEvent }).finally(
      () => renderer.stop(),
    ),
  );
  if (telemetryEnabled(process.env)) {
    const record = telemetryRecord(result, {
      flags: flagNames(flags),
      template,
    });
    await appendTelemetry(record).catch(() => undefined);
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(resultToJson(result), null, 2)}\n`);
    if (result.error) process.exitCode = result.status === 'interrupted' ? 130 : 1;
    return;
  }
  printSummary(result);
  if (result.error) throw result.error;
}

/**
 * The `create` step: with `--config` and no folder yet, `up` first creates the project as
 * `slipway create <dir> --config <file> --yes` would (a dry run only prints that plan).
 * It runs before planning because the rest of the plan depends on the project's files.
 */
async function createFirst(dir: string, flags: UpFlags): Promise<void> {
  const { runCreate } = await import('../create/runCreate.js');
  await runCreate(dir, { config: flags.config, set: [], yes: true, dryRun: flags.dryRun ?? false });
  if (flags.dryRun) console.log('\n(dry run: the lifecycle is planned once the project exists)');
}

async function cleanup(input: {
  projectDir: string;
  steps: Parameters<typeof planCleanup>[1];
  store: ReturnType<typeof createFileRunStore>;
  dryRun: boolean;
}): Promise<void> {
  const plan = planCleanup(input.projectDir, input.steps);
  if (input.dryRun) {
    console.log(
      `${pc.bold('Cleanup')} would stop instances and remove: ${plan.remove.join(', ') || 'nothing'}`,
    );
    return;
  }
  const runtime = await import('@slipway/runtime');
  await runtime.createProcessDriver({ projectDir: input.projectDir }).remove();
  await applyCleanup(input.projectDir, plan);
  await input.store.clear();
  console.log(pc.dim(`cleaned up: ${plan.remove.join(', ') || 'nothing to remove'}`));
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
