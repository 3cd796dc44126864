import semver from 'semver';
import { SlipwayError } from '@slipway/core';
import type { Finding, ProjectConfig } from '@slipway/core';
import { collectContributions } from './internal/collectContributions.js';
import { renderEnvFiles } from './internal/envFiles.js';
import { LiquidRenderer } from './internal/liquidRenderer.js';
import { numberSqlFiles } from './internal/migrationNames.js';
import type { NumberedSql } from './internal/migrationNames.js';
import { renderFiles } from './internal/renderFiles.js';
import { applyModuleMerges } from './internal/applyModuleMerges.js';
import type { LoadedModule, LoadedTemplate } from './loadTemplate.js';
import { BASE_TREE_PATH, STAMP_PATH, encodeBaseTree } from './projectStamp.js';
import type { ProjectStamp } from './projectStamp.js';
import type { ProjectTree } from './projectTree.js';
import { textFile } from './projectTree.js';
import type { ProjectNames, RenderContext } from './renderContext.js';
import { resolveAnswers } from './resolveAnswers.js';
import { resolveModules } from './resolveModules.js';
import { redactSecrets } from './internal/redactSecrets.js';

/** What to make: the resolved subset of a project config that rendering needs. */
export interface ProjectInput {
  project: Pick<ProjectNames, 'name'> & Partial<ProjectNames>;
  modules?: readonly string[] | undefined;
  moduleSettings?: Readonly<Record<string, Record<string, unknown>>>;
  answers?: Readonly<Record<string, unknown>>;
  auth?: ProjectConfig['auth'];
  ai?: ProjectConfig['ai'];
  environments?: ProjectConfig['environments'];
  /** Secret values by environment variable name, for `.env.local` only. */
  secrets?: Readonly<Record<string, string>>;
}

export interface PlanProjectOptions {
  template: LoadedTemplate;
  input: ProjectInput;
  slipwayVersion: string;
  /** @default new Date() */
  now?: Date;
}

/** A project rendered in memory: nothing is written until `applyPlan`. */
export interface ProjectPlan {
  readonly stamp: ProjectStamp;
  readonly tree: ProjectTree;
  /** Informational findings, e.g. modules added because another requires them. */
  readonly findings: readonly Finding[];
}

/**
 * Renders a template with answers into an in-memory tree (plan, then apply). Pure but
 * for the clock and the random secrets of `.env.local`.
 */
export function planProject(options: PlanProjectOptions): ProjectPlan {
  const { template, input } = options;
  assertEngineSupported(template, options.slipwayVersion);
  const selection = resolveModules(template, input.modules);
  const modules = selection.modules.map((name) => moduleNamed(template, name));
  const project = projectNames(input.project);
  const answers = resolveAnswers({
    schema: template.manifest.parameters,
    answers: input.answers ?? {},
    owner: `template "${template.name}"`,
  });
  const moduleSettings = resolveModuleSettings(modules, input.moduleSettings ?? {});
  const { migrations, seeds } = numberMigrations(template, modules);
  const renderer = new LiquidRenderer();
  const baseContext: Omit<RenderContext, 'contributions'> = {
    project,
    answers,
    modules: [...selection.modules],
    module: Object.fromEntries(
      [...template.modules.keys()].map((n) => [n, selection.modules.includes(n)]),
    ),
    moduleSettings,
    auth: input.auth ? redactSecrets(input.auth) : null,
    ai: { providers: (input.ai?.providers ?? []).map((p) => redactSecrets(p)) },
    environments: input.environments ?? {},
    slipway: { version: options.slipwayVersion },
  };
  const { contributions, merges } = collectContributions({
    modules,
    templateEnv: template.manifest.env,
    migrations,
    seeds,
    renderer,
    context: baseContext,
  });
  const context: RenderContext = { ...baseContext, contributions };
  const tree: ProjectTree = new Map();
  const migrationSources = new Set([...migrations, ...seeds].map((m) => m.source));
  renderFiles({
    files: template.files.filter((file) => !migrationSources.has(file)),
    into: tree,
    renderer,
    context,
    origin: 'template',
    binaryGlobs: template.manifest.binary,
  });
  for (const module of modules) {
    renderFiles({
      files: module.files,
      into: tree,
      renderer,
      context,
      origin: `module:${module.name}`,
      binaryGlobs: template.manifest.binary,
    });
  }
  writeSql(tree, {
    numbered: migrations,
    dir: template.manifest.migrations.dir,
    renderer,
    context,
  });
  writeSql(tree, {
    numbered: seeds,
    dir: template.manifest.migrations.seedsDir,
    renderer,
    context,
  });
  applyModuleMerges({ tree, merges, renderer, context });
  const env = renderEnvFiles({
    env: contributions.env,
    secrets: input.secrets ?? {},
    displayName: project.displayName,
  });
  tree.set('.env.example', textFile(env.example, 'slipway'));
  tree.set('.env.local', textFile(env.local, 'slipway', 'keep'));
  const stamp: ProjectStamp = {
    schemaVersion: 1,
    template: { name: template.name, version: template.manifest.version, digest: template.digest },
    project,
    modules: [...selection.modules],
    moduleSettings,
    answers,
    auth: baseContext.auth,
    ai: baseContext.ai,
    environments: baseContext.environments,
    slipwayVersion: options.slipwayVersion,
    createdAt: (options.now ?? new Date()).toISOString(),
  };
  tree.set(BASE_TREE_PATH, { ...textFile('', 'slipway'), content: encodeBaseTree(tree) });
  tree.set(STAMP_PATH, textFile(`${JSON.stringify(stamp, null, 2)}\n`, 'slipway'));
  const findings: Finding[] = selection.added.map(({ name, requiredBy }) => ({
    severity: 'info',
    component: 'Modules',
    message: `added module "${name}" because "${requiredBy}" requires it`,
  }));
  return { stamp, tree, findings };
}

function assertEngineSupported(template: LoadedTemplate, slipwayVersion: string): void {
  const range = template.manifest.engine;
  if (semver.satisfies(slipwayVersion, range, { includePrerelease: true })) return;
  throw new SlipwayError({
    code: 'TEMPLATE_ENGINE_MISMATCH',
    component: 'Templates',
    message: `template "${template.name}" needs Slipway ${range}; this is ${slipwayVersion}`,
    recovery: ['Upgrade Slipway, or use a template version made for this one'],
  });
}

function moduleNamed(template: LoadedTemplate, name: string): LoadedModule {
  const module = template.modules.get(name);
  if (!module) throw new Error(`resolved module ${name} is missing from the template`);
  return module;
}

function projectNames(input: ProjectInput['project']): ProjectNames {
  return {
    name: input.name,
    repoName: input.repoName ?? input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
  };
}

function resolveModuleSettings(
  modules: readonly LoadedModule[],
  given: Readonly<Record<string, Record<string, unknown>>>,
): Record<string, Record<string, unknown>> {
  const selected = new Set(modules.map((m) => m.name));
  const unknown = Object.keys(given).find((name) => !selected.has(name));
  if (unknown) {
    throw new SlipwayError({
      code: 'MODULE_UNKNOWN',
      component: 'Modules',
      message: `moduleSettings names "${unknown}", which is not a selected module`,
      recovery: [`Add "${unknown}" to modules, or remove its settings`],
    });
  }
  return Object.fromEntries(
    modules.map((m) => [
      m.name,
      resolveAnswers({
        schema: m.manifest.parameters,
        answers: given[m.name] ?? {},
        owner: `module "${m.name}"`,
      }),
    ]),
  );
}

function numberMigrations(template: LoadedTemplate, modules: readonly LoadedModule[]) {
  const { dir, seedsDir } = template.manifest.migrations;
  const own = (folder: string) =>
    template.files.filter((f) => f.path.startsWith(`${folder}/`) && f.path.endsWith('.sql'));
  return {
    migrations: numberSqlFiles([
      { module: 'template', files: own(dir) },
      ...modules.map((m) => ({ module: m.name, files: m.migrations })),
    ]),
    seeds: numberSqlFiles([
      { module: 'template', files: own(seedsDir) },
      ...modules.map((m) => ({ module: m.name, files: m.seeds })),
    ]),
  };
}

function writeSql(
  tree: ProjectTree,
  options: {
    numbered: readonly NumberedSql[];
    dir: string;
    renderer: LiquidRenderer;
    context: object;
  },
): void {
  for (const { module, source, file } of options.numbered) {
    const text = options.renderer.render(
      source.content.toString('utf8'),
      options.context,
      source.absolutePath,
    );
    tree.set(
      `${options.dir}/${file}`,
      textFile(text, module === 'template' ? 'template' : `module:${module}`),
    );
  }
}
