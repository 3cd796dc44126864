import { execFile } from 'node:child_process';
import { bundledPnpm, bundledPnpmVersion } from '../bundledPnpm.js';
import type { DoctorCheck } from './doctorCheck.js';

/** The bundled pnpm, and whether it is the version the project pins in `packageManager`. */
export function checkPnpm(packageManager: string | undefined): DoctorCheck {
  let version: string;
  try {
    bundledPnpm();
    version = bundledPnpmVersion();
  } catch {
    return {
      name: 'pnpm',
      status: 'fail',
      detail: 'the bundled pnpm is missing',
      fix: 'Reinstall Slipway: npm ci',
    };
  }
  const pinned = packageManager?.startsWith('pnpm@') ? packageManager.slice(5) : undefined;
  if (pinned && pinned !== version) {
    return {
      name: 'pnpm',
      status: 'warn',
      detail: `bundled ${version}, the project pins ${pinned}`,
      fix: `Set "packageManager": "pnpm@${version}" in package.json`,
    };
  }
  return { name: 'pnpm', status: 'pass', detail: `${version} (bundled)` };
}

export interface ToolProbe {
  name: string;
  /** Arguments that print the version. @default ['--version'] */
  args?: readonly string[];
  /** Missing is `fail` when required, `warn` when a chosen target needs it. */
  required: boolean;
  /** Why it is needed, shown when it is missing. */
  neededFor: string;
  install: string;
}

/** Runs `<tool> --version` (5 s limit); a missing tool is a warning or a failure. */
export function probeTool(probe: ToolProbe): Promise<DoctorCheck> {
  return new Promise((resolve) => {
    execFile(
      probe.name,
      [...(probe.args ?? ['--version'])],
      { timeout: 5_000 },
      (error, stdout) => {
        if (error) {
          resolve({
            name: probe.name,
            status: probe.required ? 'fail' : 'warn',
            detail: `not found (needed for ${probe.neededFor})`,
            fix: probe.install,
          });
          return;
        }
        const version = /\d+\.\d+(\.\d+)?/.exec(stdout)?.[0] ?? stdout.trim().split('\n')[0] ?? '';
        resolve({ name: probe.name, status: 'pass', detail: version });
      },
    );
  });
}

/** Optional tools, by deployment target. */
export const TARGET_TOOLS: Readonly<Record<string, readonly Omit<ToolProbe, 'required'>[]>> = {
  docker: [
    {
      name: 'docker',
      neededFor: 'the docker target',
      install: 'https://docs.docker.com/engine/install/',
    },
  ],
  aws: [
    {
      name: 'terraform',
      args: ['version'],
      neededFor: 'the aws target',
      install: 'https://developer.hashicorp.com/terraform/install',
    },
    { name: 'aws', neededFor: 'the aws target', install: 'https://aws.amazon.com/cli/' },
  ],
  kubernetes: [
    {
      name: 'kubectl',
      args: ['version', '--client'],
      neededFor: 'the kubernetes target',
      install: 'https://kubernetes.io/docs/tasks/tools/',
    },
  ],
  postgres: [
    {
      name: 'psql',
      neededFor: '--database-url checks',
      install: 'apt-get install postgresql-client',
    },
  ],
};
