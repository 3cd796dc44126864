import { createStepCatalog, loadProject, projectTemplate } from '@slipway/pipeline';
import type { ProjectSnapshot, RunStore, StepDefinition } from '@slipway/pipeline';
import type { RuntimePorts } from './ports.js';

/**
 * The one place the use cases ask the pipeline for a project's steps and snapshot, so a
 * change in how the catalog is chosen (a contract, another stack) is made here alone.
 */
export interface CatalogInput {
  projectDir: string;
  databaseUrl?: string;
  runtime?: RuntimePorts;
  healthTimeoutMs?: number;
}

/** The project's lifecycle steps. */
export function lifecycleSteps(input: CatalogInput): StepDefinition[] {
  return createStepCatalog({
    projectDir: input.projectDir,
    databaseUrl: input.databaseUrl,
    ...(input.runtime ?? {}),
    ...(input.healthTimeoutMs ? { healthTimeoutMs: input.healthTimeoutMs } : {}),
  });
}

/** Hashes the project's files and loads its previous run, for planning. */
export function snapshotLifecycle(input: {
  projectDir: string;
  steps: readonly StepDefinition[];
  store: RunStore;
  env: Readonly<Record<string, string | undefined>>;
}): Promise<ProjectSnapshot> {
  return loadProject({
    dir: input.projectDir,
    steps: input.steps,
    store: input.store,
    env: input.env,
  });
}

/**
 * The template the project was made from, for telemetry; throws `PROJECT_NOT_FOUND`
 * outside a project.
 */
export function templateOf(projectDir: string): string {
  return projectTemplate(projectDir);
}
