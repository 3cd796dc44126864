import { renderFinding } from '@slipway/core';
import type { StepDefinition } from '@slipway/pipeline';
import type { ProjectPlan } from '@slipway/templates';

/**
 * The `create` step of a run that starts from a project config: writes the planned
 * project atomically. Its cache key covers the template (name, version, content digest)
 * and the resolved input, so the record says exactly what the project was made from.
 */
export function createStep(options: {
  plan: ProjectPlan;
  targetDir: string;
  templateDigest: string;
}): StepDefinition {
  const { plan, targetDir } = options;
  const { stamp } = plan;
  return {
    name: 'create',
    description: 'render the template and write the project atomically',
    dependsOn: [],
    inputs: {
      config: {
        template: `${stamp.template.name}@${stamp.template.version}`,
        templateDigest: options.templateDigest,
        project: stamp.project,
        modules: stamp.modules,
        answers: stamp.answers,
      },
    },
    async run(context) {
      // The template engine loads only when a project is created, never on a no-op `up`.
      const { applyCreate } = await import('./createProject.js');
      const result = await applyCreate(plan, { targetDir, signal: context.signal });
      context.log(
        `created ${stamp.project.repoName} (@${stamp.project.name}/*) from ${stamp.template.name}@${stamp.template.version}: ${result.written} files`,
      );
      context.log(
        `modules: ${stamp.modules.join(', ') || '(none)'}; post-create validation: passed`,
      );
      for (const finding of plan.findings) context.log(renderFinding(finding, { docs: false }));
      return {
        template: stamp.template.name,
        version: stamp.template.version,
        files: result.written,
      };
    },
  };
}
