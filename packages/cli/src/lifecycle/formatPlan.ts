import pc from 'picocolors';
import type { RunPlan } from '@slipway/pipeline';

const MARK = { run: pc.yellow('▶ run   '), cached: pc.green('✔ cached'), skip: pc.dim('- skip  ') };

/** `--dry-run`: each step with its predicted action and why. */
export function formatPlan(plan: RunPlan): string {
  const width = Math.max(...plan.steps.map((step) => step.name.length));
  const lines = plan.steps.map(
    (step) => `  ${MARK[step.action]}  ${step.name.padEnd(width)}  ${pc.dim(step.reason)}`,
  );
  const runs = plan.steps.filter((step) => step.action === 'run').length;
  const hits = plan.steps.filter((step) => step.action === 'cached').length;
  const header = `${pc.bold('Plan')} for ${plan.project.dir}${plan.resumingAt ? ` — resuming at ${plan.resumingAt}` : ''}`;
  const footer = `${runs} to run, ${hits} cached (dry run: nothing was run or written)`;
  return [header, '', ...lines, '', footer].join('\n');
}

/** The plan as JSON: no file hashes, no environment. */
export function planToJson(plan: RunPlan) {
  return {
    ok: true,
    dryRun: true,
    projectDir: plan.project.dir,
    resumingAt: plan.resumingAt ?? null,
    steps: plan.steps.map(({ name, action, reason, changes, dependsOn, key }) => ({
      name,
      action,
      reason,
      changes,
      dependsOn,
      key,
    })),
  };
}
