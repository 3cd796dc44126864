import { SlipwayError } from '@slipway/core';
import type { EnvVar, LifecycleContribution, MergeFragment } from '@slipway/core';
import type { LoadedModule } from '../loadTemplate.js';
import type { Contributions, EnvContribution } from '../renderContext.js';
import type { LiquidRenderer } from './liquidRenderer.js';
import type { NumberedSql } from './migrationNames.js';
import { renderStrings } from './renderStrings.js';

export interface ModuleMerge {
  module: LoadedModule;
  fragment: MergeFragment;
}

/** A module's addition to the template's lifecycle contract, its strings rendered. */
export interface LifecycleAddition {
  module: string;
  contribution: LifecycleContribution;
}

export interface CollectOptions {
  modules: readonly LoadedModule[];
  templateEnv: readonly EnvVar[];
  migrations: readonly NumberedSql[];
  seeds: readonly NumberedSql[];
  renderer: LiquidRenderer;
  context: object;
}

/**
 * Gathers every module's typed contributions, rendering their strings with the base
 * context so names follow the project's scope. Environment variables declared twice
 * must agree.
 */
export function collectContributions(options: CollectOptions): {
  contributions: Contributions;
  merges: ModuleMerge[];
  lifecycle: LifecycleAddition[];
} {
  const contributions: Contributions = {
    apiRoutes: [],
    webPages: [],
    packages: [],
    env: options.templateEnv.map((variable) => ({ ...variable, module: 'template' })),
    migrations: options.migrations.map(({ module, file }) => ({ module, file })),
    seeds: options.seeds.map(({ module, file }) => ({ module, file })),
  };
  const merges: ModuleMerge[] = [];
  const lifecycle: LifecycleAddition[] = [];
  for (const module of options.modules) {
    const source = `${module.dir}/module.yaml`;
    const rendered = renderStrings(module.manifest.contributes, (text) =>
      options.renderer.render(text, options.context, source),
    );
    const tag = { module: module.name };
    contributions.apiRoutes.push(...rendered.apiRoutes.map((route) => ({ ...tag, ...route })));
    contributions.webPages.push(...rendered.webPages.map((page) => ({ ...tag, ...page })));
    contributions.packages.push(...rendered.packages.map((pkg) => ({ ...tag, ...pkg })));
    for (const variable of rendered.env) addEnv(contributions.env, { ...variable, ...tag });
    merges.push(...rendered.merge.map((fragment) => ({ module, fragment })));
    if (rendered.lifecycle)
      lifecycle.push({ module: module.name, contribution: rendered.lifecycle });
  }
  return { contributions, merges, lifecycle };
}

function addEnv(env: EnvContribution[], variable: EnvContribution): void {
  const existing = env.find((v) => v.name === variable.name);
  if (!existing) {
    env.push(variable);
    return;
  }
  if (existing.secret !== variable.secret || existing.default !== variable.default) {
    throw new SlipwayError({
      code: 'MERGE_CONFLICT',
      component: 'Modules',
      message: `${variable.module} and ${existing.module} both declare ${variable.name} differently`,
      recovery: ['Make both declarations agree (default and secret flag)'],
    });
  }
}
