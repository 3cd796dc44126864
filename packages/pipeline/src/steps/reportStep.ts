import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runDir } from '../engine/fileRunStore.js';
import type { StepDefinition } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';

/** `.slipway/runs/<id>/report.json`: what a run did and what to do next. */
export interface RunReport {
  schemaVersion: 1;
  runId: string;
  generatedAt: string;
  urls: string[];
  steps: Array<{ name: StepName; status: string; durationMs?: number; cached: boolean }>;
  cacheHits: number;
  artifact?: unknown;
  nextSteps: string[];
}

/** Where a run's report is written, relative to the project. */
export function reportPath(runId: string): string {
  return `${runDir(runId)}/report.json`;
}

/**
 * `report`: collects URLs, per-step durations, cache hits and the artifact into
 * `report.json`. It depends on every other step, so it is a cache hit exactly when the
 * whole run was.
 */
export function reportStep(dependsOn: readonly StepName[]): StepDefinition {
  return {
    name: 'report',
    description: 'report.json: URLs, durations, cache hits, artifact, next steps',
    dependsOn,
    inputs: {},
    // Keys cannot see a redeploy to a new URL; a report is stale once anything ran.
    isCurrent: async ({ steps }) =>
      dependsOn.every((name) => ['cached', 'skipped', undefined].includes(steps[name]?.status)),
    async run(context) {
      const urls = [...context.results.values()]
        .map((outcome) => outcome.url)
        .filter((url): url is string => typeof url === 'string');
      const steps = dependsOn.map((name) => {
        const record = context.steps[name];
        const status = record?.status ?? 'absent';
        return {
          name,
          status,
          ...(record?.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
          cached: status === 'cached',
        };
      });
      const artifact = context.results.get('package')?.artifact;
      const report: RunReport = {
        schemaVersion: 1,
        runId: context.runId,
        generatedAt: new Date().toISOString(),
        urls,
        steps,
        cacheHits: steps.filter((step) => step.cached).length,
        ...(artifact ? { artifact } : {}),
        nextSteps: nextSteps(urls),
      };
      const path = reportPath(context.runId);
      await mkdir(join(context.projectDir, runDir(context.runId)), { recursive: true });
      await writeFile(join(context.projectDir, path), `${JSON.stringify(report, null, 2)}\n`);
      context.log(`wrote ${path}`);
      return { report: path, ...(urls[0] ? { url: urls[0] } : {}) };
    },
  };
}

function nextSteps(urls: readonly string[]): string[] {
  const steps = urls.map((url) => `Open ${url}`);
  steps.push('slipway status   (steps and instances)', "slipway logs <step>   (a step's log)");
  if (urls.length === 0) steps.push('slipway pnpm start   (run the API locally)');
  return steps;
}
