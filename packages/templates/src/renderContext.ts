import type { EnvVar, ProjectConfig } from '@slipway/core';

/** The project's names: the package scope and the repository/folder name are separate. */
export interface ProjectNames {
  /** Package scope and resource prefix: `ai-mod` → `@ai-mod/module-kb`. */
  name: string;
  /** Repository and folder name: `ai-mod-stack`. */
  repoName: string;
  displayName: string;
  description: string;
}

export interface RouteContribution {
  module: string;
  path: string;
  importFrom: string;
  exportName: string;
}

export interface PageContribution extends RouteContribution {
  title: string;
}

export interface EnvContribution extends EnvVar {
  /** The module that declared it, or `template`. */
  module: string;
}

export interface Contributions {
  apiRoutes: RouteContribution[];
  webPages: PageContribution[];
  packages: Array<{ module: string; name: string; dir: string }>;
  env: EnvContribution[];
  migrations: Array<{ module: string; file: string }>;
  seeds: Array<{ module: string; file: string }>;
}

/**
 * Everything a template file can read (docs/templates.md). Secret values are never part
 * of it: `auth` and `ai` carry settings with secrets replaced by the names of the
 * environment variables that will hold them.
 */
export interface RenderContext {
  project: ProjectNames;
  answers: Record<string, unknown>;
  modules: string[];
  module: Record<string, boolean>;
  moduleSettings: Record<string, Record<string, unknown>>;
  auth: Record<string, unknown> | null;
  ai: { providers: Array<Record<string, unknown>> };
  environments: ProjectConfig['environments'];
  contributions: Contributions;
  slipway: { version: string };
}
