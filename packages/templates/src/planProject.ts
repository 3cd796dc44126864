import semver from 'semver';
import { SlipwayError } from '@slipway/core';
import type { Finding, LifecycleContract, ProjectConfig } from '@slipway/core';
import { collectContributions } from './internal/collectContributions.js';
import { renderEnvFiles } from './internal/envFiles.js';
import { LiquidRenderer } from './internal/liquidRenderer.js';
import { numberSqlFiles } from './internal/migrationNames.js';
import type { NumberedSql } from './internal/migrationNames.js';
import { renderFiles } from './internal/renderFiles.js';
import { applyModuleMerges } from './internal/applyModuleMerges.js';
import type { LoadedModule, LoadedTemplate } from './loadTemplate.js';
import { STAMP_PATH } from '@slipway/core';
import { BASE_TREE_PATH, encodeBaseTree } from './projectStamp.js';
import type { ProjectStamp } from '@slipway/core';
import type { ProjectTree } from './projectTree.js';
import { textFile } from './projectTree.js';
import type { ProjectNames, RenderContext } from './renderContext.js';
import { resolveAnswers } from './resolveAnswers.js';
import { resolveModules } from './resolveModules.js';
import type { ModuleSelection } from './resolveModules.js';
import { redactSecrets } from './internal/redactSecrets.js';
import { resolveLifecycle } from './internal/resolveLifecycle.js';

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
  const numbered = numberMigrations(template, modules);
  const renderer = new LiquidRenderer();
  const baseContext = baseContextOf({
    template,
    input,
    selection,
    modules,
    slipwayVersion: options.slipwayVersion,
  });
  const { contributions, merges, lifecycle } = collectContributions({
    modules,
    templateEnv: template.manifest.env,
    ...numbered,
    renderer,
    context: baseContext,
  });
  const context: RenderContext = { ...baseContext, contributions };
  const tree = renderTree({ template, modules, numbered, renderer, context });
  applyModuleMerges({ tree, merges, renderer, context });
  addEnvFiles(tree, { context, secrets: input.secrets ?? {} });
  const contract = resolveLifecycle({ template, additions: lifecycle, renderer, context });
  const stamp = stampOf(template, { context, contract, now: options.now ?? new Date() });
  // The base tree is everything rendered so far: the template's output without the stamp.
  tree.set(BASE_TREE_PATH, { ...textFile('', 'slipway'), content: encodeBaseTree(tree) });
  tree.set(STAMP_PATH, textFile(`${JSON.stringify(stamp, null, 2)}\n`, 'slipway'));
  const findings: Finding[] = selection.added.map(({ name, requiredBy }) => ({
    severity: 'info',
    component: 'Modules',
    message: `added module "${name}" because "${requiredBy}" requires it`,
  }));
  return { stamp, tree, findings };
}

type BaseContext = Omit<RenderContext, 'contributions'>;

/** Everything a file can read except the contributions, which are rendered with it. */
function baseContextOf(options: {
  template: LoadedTemplate;
  input: ProjectInput;
  selection: ModuleSelection;
  modules: readonly LoadedModule[];
  slipwayVersion: string;
}): BaseContext {
  const { template, input, selection } = options;
  return {
    project: projectNames(input.project),
    answers: resolveAnswers({
      schema: template.manifest.parameters,
      answers: input.answers ?? {},
      owner: `template "${template.name}"`,
    }),
    modules: [...selection.modules],
    module: Object.fromEntries(
      [...template.modules.keys()].map((n) => [n, selection.modules.includes(n)]),
    ),
    moduleSettings: resolveModuleSettings(options.modules, input.moduleSettings ?? {}),
    auth: input.auth ? redactSecrets(input.auth) : null,
    ai: { providers: (input.ai?.providers ?? []).map((p) => redactSecrets(p)) },
    environments: input.environments ?? {},
    slipway: { version: options.slipwayVersion },
  };
}

/** Renders the template's files, then each module's, then the numbered SQL sets. */
function renderTree(options: {
  template: LoadedTemplate;
  modules: readonly LoadedModule[];
  numbered: { migrations: readonly NumberedSql[]; seeds: readonly NumberedSql[] };
  renderer: LiquidRenderer;
  context: RenderContext;
}): ProjectTree {
  const { template, numbered, renderer, context } = options;
  const tree: ProjectTree = new Map();
  const sqlSources = new Set([...numbered.migrations, ...numbered.seeds].map((m) => m.source));
  const sets = [
    { origin: 'template', files: template.files.filter((file) => !sqlSources.has(file)) },
    ...options.modules.map((m) => ({ origin: `module:${m.name}`, files: m.files })),
  ];
  for (const { origin, files } of sets) {
    renderFiles({
      files,
      into: tree,
      renderer,
      context,
      origin,
      binaryGlobs: template.manifest.binary,
    });
  }
  const { dir, seedsDir } = template.manifest.migrations;
  writeSql(tree, { numbered: numbered.migrations, dir, renderer, context });
  writeSql(tree, { numbered: numbered.seeds, dir: seedsDir, renderer, context });
  return tree;
}

function addEnvFiles(
  tree: ProjectTree,
  options: { context: RenderContext; secrets: Readonly<Record<string, string>> },
): void {
  const env = renderEnvFiles({
    env: options.context.contributions.env,
    secrets: options.secrets,
    displayName: options.context.project.displayName,
  });
  tree.set('.env.example', textFile(env.example, 'slipway'));
  // OIDC client secret and AI keys live here: owner-only, like ~/.ssh keys.
  tree.set('.env.local', { ...textFile(env.local, 'slipway', 'keep'), private: true });
}

function stampOf(
  template: LoadedTemplate,
  options: { context: RenderContext; contract: LifecycleContract | undefined; now: Date },
): ProjectStamp {
  const { context } = options;
  return {
    schemaVersion: 1,
    template: { name: template.name, version: template.manifest.version, digest: template.digest },
    project: context.project,
    modules: context.modules,
    moduleSettings: context.moduleSettings,
    answers: context.answers,
    auth: context.auth,
    ai: context.ai,
    environments: context.environments,
    ...(options.contract ? { contract: options.contract } : {}),
    slipwayVersion: context.slipway.version,
    createdAt: options.now.toISOString(),
  };
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
