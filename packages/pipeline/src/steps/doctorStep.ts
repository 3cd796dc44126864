import { SlipwayError } from '@slipway/core/errors';
import { runDoctor } from '../doctor/runDoctor.js';
import type { StepDefinition, StepInputs } from '../engine/stepDefinition.js';

/**
 * `doctor` as the first step: a failing check stops the run before anything is spawned
 * for real; warnings go to the log. Cached while the tools and the stamp are unchanged.
 */
export function doctorStep(options: { storeDir: string; inputs: StepInputs }): StepDefinition {
  return {
    name: 'doctor',
    description: 'pre-flight: node, pnpm, git, disk space, project',
    dependsOn: [],
    inputs: options.inputs,
    async run(context) {
      const report = await runDoctor({
        projectDir: context.projectDir,
        storeDir: options.storeDir,
        // The deploy takes a free port when the app's is held: a held one is no warning here.
        appPorts: false,
      });
      for (const check of report.checks)
        context.log(`${check.status.padEnd(4)} ${check.name}: ${check.detail}`);
      const failed = report.checks.filter((check) => check.status === 'fail');
      const first = failed[0];
      if (first) {
        const missing = first.name === 'node' ? 'TOOL_TOO_OLD' : 'TOOL_MISSING';
        throw new SlipwayError({
          code: first.name === 'project' ? 'PROJECT_NOT_FOUND' : missing,
          component: 'Pipeline',
          message: failed.map((check) => `${check.name}: ${check.detail}`).join('; '),
          recovery: [
            ...failed.flatMap((check) => (check.fix ? [check.fix] : [])),
            'Run: slipway doctor',
          ],
        });
      }
      return { warnings: report.checks.filter((check) => check.status === 'warn').length };
    },
  };
}
