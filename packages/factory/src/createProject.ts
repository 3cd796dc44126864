import { SlipwayError, renderFinding } from '@slipway/core';
import { applyPlan, planFiles, planProject, validateProject } from '@slipway/templates';
import type { ApplyResult, LoadedTemplate, ProjectInput, ProjectPlan } from '@slipway/templates';

export interface PlanCreateOptions {
  template: LoadedTemplate;
  input: ProjectInput;
  /** Recorded in the project's stamp. */
  slipwayVersion: string;
}

/**
 * Plans a new project in memory and runs post-create validation on it; writes nothing.
 * A project that fails validation is a template bug: `VALIDATION_FAILED`, nothing written.
 */
export function planCreate(options: PlanCreateOptions): ProjectPlan {
  const plan = planProject(options);
  const report = validateProject({
    files: planFiles(plan.tree),
    stamp: plan.stamp,
    template: options.template,
  });
  if (report.ok) return plan;
  throw new SlipwayError({
    code: 'VALIDATION_FAILED',
    component: 'Validation',
    message: `the rendered project fails post-create validation; nothing was written:\n${report.findings
      .map((finding) => renderFinding(finding, { docs: false }))
      .join('\n')}`,
    recovery: ['This is a template bug: report it with the command you ran'],
  });
}

export interface ApplyCreateOptions {
  targetDir: string;
  /** Write into a non-empty folder, replacing the files the plan owns. @default false */
  force?: boolean;
  signal?: AbortSignal;
}

/** Writes a planned project atomically (all files or none). */
export function applyCreate(plan: ProjectPlan, options: ApplyCreateOptions): Promise<ApplyResult> {
  return applyPlan(plan, {
    targetDir: options.targetDir,
    force: options.force ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
