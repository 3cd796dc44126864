import { resolve } from 'node:path';
import pc from 'picocolors';
import { createLocalPorts, projectStatus } from '@slipway/factory';
import { STEP_NAMES } from '@slipway/pipeline';
import type { StepStatus } from '@slipway/pipeline';
import { formatDuration } from './formatDuration.js';

const MARK: Record<StepStatus, string> = {
  succeeded: pc.green('✔'),
  cached: pc.green('✔'),
  skipped: pc.dim('-'),
  pending: pc.dim('·'),
  running: pc.cyan('▶'),
  failed: pc.red('✖'),
  interrupted: pc.yellow('■'),
  blocked: pc.dim('·'),
};

/** `slipway status [dir]`: the last run's steps and the project's instances. */
export async function runStatus(dir: string, flags: { json?: boolean }): Promise<void> {
  const projectDir = resolve(dir);
  const { state, instances } = await projectStatus(createLocalPorts({ projectDir, deploy: false }));
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: true, state: state ?? null, instances }, null, 2)}\n`,
    );
    return;
  }
  if (!state) {
    console.log(`No runs yet in ${projectDir}. Start one: slipway up`);
  } else {
    const when = state.finishedAt ?? state.startedAt;
    console.log(
      `${pc.bold('Last run')} ${state.runId}: ${state.status}${state.durationMs !== undefined ? ` in ${formatDuration(state.durationMs)}` : ''} ${pc.dim(`(${when})`)}`,
    );
    const width = Math.max(...Object.keys(state.steps).map((name) => name.length));
    // The run's own order (a run that created its project starts with `create`).
    const sequence: readonly string[] = state.planned ?? STEP_NAMES;
    const order = (name: string) => sequence.indexOf(name);
    const planned = new Set<string>(state.planned ?? Object.keys(state.steps));
    const entries = Object.entries(state.steps)
      .filter(([name]) => planned.has(name))
      .sort(([a], [b]) => order(a) - order(b));
    for (const [name, record] of entries) {
      const took =
        record.durationMs !== undefined && record.status !== 'cached'
          ? formatDuration(record.durationMs)
          : '';
      const note =
        record.error && (record.status === 'failed' || record.status === 'interrupted')
          ? pc.red(record.error.message.split('\n')[0] ?? '')
          : pc.dim(record.reason ?? '');
      console.log(
        `  ${MARK[record.status]} ${name.padEnd(width)}  ${record.status.padEnd(11)} ${took.padEnd(7)} ${note}`,
      );
    }
    if (state.status === 'failed' || state.status === 'interrupted') {
      console.log(
        pc.dim(`\n  → slipway up   (resumes at ${state.failedStep ?? 'the failed step'})`),
      );
    }
  }
  console.log(`\n${pc.bold('Instances')}: ${instances.length === 0 ? 'none' : ''}`);
  for (const instance of instances) {
    const state = instance.state === 'running' ? pc.green(instance.state) : pc.red(instance.state);
    console.log(
      `  ${instance.id}  ${state}  ${instance.url}  ${pc.dim(`${instance.role}, restarts ${instance.restarts}`)}`,
    );
  }
}
