import { relative } from 'node:path';
import pc from 'picocolors';
import { renderFinding } from '@slipway/core';
// The create use case alone: `slipway create` never loads the lifecycle engine or runtime.
import { applyCreate, planCreate } from '@slipway/factory/create';
import { comparePlan, findTemplate, loadProjectConfig, unifiedDiff } from '@slipway/templates';
import type { ProjectPlan } from '@slipway/templates';
import type { CreateFlags } from './createFlags.js';
import { canPrompt } from './canPrompt.js';
import { resolveCreateInput } from './resolveCreateInput.js';
import { formatBytes } from '../output/formatBytes.js';
import { formatFileTree } from '../output/printFileTree.js';
import { paintSeverity } from '../output/paint.js';
import { SLIPWAY_VERSION } from '../version.js';
import { withInterrupt } from '../output/withInterrupt.js';

/** `slipway create`: plan, validate, then dry-run or apply. */
export async function runCreate(dir: string, flags: CreateFlags): Promise<void> {
  const started = performance.now();
  const config = flags.config ? loadProjectConfig(flags.config) : undefined;
  let request = resolveCreateInput(dir, flags, config);
  const template = findTemplate(request.template);
  if (canPrompt(flags)) {
    const { promptForMissing } = await import('./promptForMissing.js');
    request = await promptForMissing(request, template);
  }
  const plan = planCreate({ template, input: request.input, slipwayVersion: SLIPWAY_VERSION });
  if (flags.dryRun) {
    printDryRun(plan, { targetDir: request.targetDir, json: flags.json, diff: flags.diff });
    return;
  }
  const result = await withInterrupt((signal) =>
    applyCreate(plan, { targetDir: request.targetDir, force: flags.force ?? false, signal }),
  );
  const elapsed = Math.round(performance.now() - started);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: true, ...result, stamp: plan.stamp, elapsedMs: elapsed }, null, 2)}\n`,
    );
    return;
  }
  printCreated(plan, {
    targetDir: result.targetDir,
    written: result.written,
    elapsed,
    kept: result.kept,
  });
  printFindings(plan);
}

/** The dry run of a create: the file tree with sizes and what would change. */
export function printDryRun(
  plan: ProjectPlan,
  options: { targetDir: string; json?: boolean; diff?: boolean },
): void {
  const changes = comparePlan(plan, options.targetDir);
  if (options.json) {
    const files = changes.map(({ path, kind, size }) => ({ path, kind, size }));
    process.stdout.write(
      `${JSON.stringify({ ok: true, dryRun: true, stamp: plan.stamp, files }, null, 2)}\n`,
    );
    return;
  }
  const total = changes.reduce((sum, c) => sum + c.size, 0);
  console.log(`${pc.bold('Dry run')}: ${options.targetDir} (nothing written)\n`);
  console.log(formatFileTree(changes));
  const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
  console.log(
    `\n${changes.length} files, ${formatBytes(total)}: ${count('add')} new, ${count('modify')} changed, ${count('unchanged')} unchanged, ${count('keep')} kept`,
  );
  if (options.diff) {
    for (const change of changes.filter((c) => c.kind === 'modify'))
      process.stdout.write(unifiedDiff(change));
  }
  printFindings(plan);
}

function printCreated(
  plan: ProjectPlan,
  result: { targetDir: string; written: number; elapsed: number; kept: string[] },
): void {
  const { stamp } = plan;
  const where = relative(process.cwd(), result.targetDir) || '.';
  console.log(
    `${pc.green('✔')} Created ${pc.bold(stamp.project.repoName)} (@${stamp.project.name}/*) from ${stamp.template.name}@${stamp.template.version} in ${result.elapsed} ms`,
  );
  console.log(
    `  ${result.written} files in ${where}; modules: ${stamp.modules.join(', ') || '(none)'}`,
  );
  if (result.kept.length > 0) console.log(`  kept as they were: ${result.kept.join(', ')}`);
  console.log(
    `  post-create validation: passed\n\nNext steps:\n  cd ${where}\n  slipway up   # install, build, test, package and start it`,
  );
}

function printFindings(plan: ProjectPlan): void {
  for (const finding of plan.findings)
    console.error(renderFinding(finding, { paint: paintSeverity, docs: false }));
}
