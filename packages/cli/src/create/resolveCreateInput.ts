import { basename, resolve } from 'node:path';
import { SlipwayError, projectNameSchema, repoNameSchema, toProjectName } from '@slipway/core';
import type { ProjectConfig } from '@slipway/core';
import type { ProjectInput } from '@slipway/templates';
import type { CreateFlags } from './createFlags.js';
import { collectSecrets } from './collectSecrets.js';

export interface CreateRequest {
  targetDir: string;
  template: string;
  input: ProjectInput;
  /** Which values the user gave explicitly (the rest may be prompted for). */
  given: { name: boolean; modules: boolean };
}

/**
 * Merges the config file and the flags (flags win) into one request. The project name
 * (package scope) defaults to a slug of the folder name and the repository name to the
 * folder name: two settings, never conflated (deriving one from the other gives packages
 * a scope the user did not choose).
 */
export function resolveCreateInput(
  dir: string,
  flags: CreateFlags,
  config?: ProjectConfig,
): CreateRequest {
  const targetDir = resolve(dir);
  const folder = basename(targetDir);
  const name = flags.name ?? config?.project.name ?? toProjectName(folder);
  const repoName = flags.repoName ?? config?.project.repoName ?? folder;
  check(projectNameSchema, name, '--name');
  check(repoNameSchema, repoName, '--repo-name');
  const modules = flags.modules !== undefined ? splitList(flags.modules) : config?.modules;
  return {
    targetDir,
    template: flags.template ?? config?.template ?? 'saas',
    input: {
      project: {
        name,
        repoName,
        ...(config?.project.displayName ? { displayName: config.project.displayName } : {}),
        ...(config?.project.description ? { description: config.project.description } : {}),
      },
      modules,
      moduleSettings: config?.moduleSettings ?? {},
      answers: { ...config?.answers, ...parseSetFlags(flags.set) },
      auth: config?.auth,
      ai: config?.ai,
      environments: config?.environments ?? {},
      secrets: collectSecrets(config),
    },
    given: {
      name: flags.name !== undefined || config !== undefined,
      modules: modules !== undefined,
    },
  };
}

function check(schema: typeof projectNameSchema, value: string, flag: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  throw new SlipwayError({
    code: 'NAME_INVALID',
    component: 'CLI',
    message: `${JSON.stringify(value)} cannot be used for ${flag}: ${result.error.issues[0]?.message ?? 'invalid'}`,
    recovery: [`Pass a valid name: ${flag} ${flag === '--name' ? 'acme' : 'acme-stack'}`],
  });
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** `--set key=value` pairs; values stay strings and are coerced by the parameter schema. */
export function parseSetFlags(pairs: readonly string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!/^[A-Za-z_][\w]*$/.test(key)) {
      throw new SlipwayError({
        code: 'INPUT_INVALID',
        component: 'CLI',
        message: `--set ${JSON.stringify(pair)} is not key=value with a parameter name as key`,
        recovery: ['Example: --set awsRegion=eu-west-1'],
      });
    }
    answers[key] = pair.slice(at + 1);
  }
  return answers;
}
