import { existsSync, readFileSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { ContractApp, LifecycleContract } from '@slipway/core';
import { classifyFailure } from '../errors/classifyFailure.js';
import type { StepContext } from '../engine/stepDefinition.js';
import type { Command, PackageManager } from './packageManager.js';

export interface StageAppOptions {
  contract: LifecycleContract;
  app: ContractApp;
  pm: PackageManager;
  storeDir: string;
  /** Absolute folder that becomes the artifact root; inside the project. */
  staging: string;
  packageDirs: ReadonlyMap<string, string>;
}

/** Never copied into an artifact: dependencies (reinstalled for production), VCS, state, secrets. */
const NEVER_COPIED = new Set(['node_modules', '.git', '.slipway', '.turbo']);
const isSecretEnvFile = (name: string) => /^\.env(\..*)?$/.test(name) && name !== '.env.example';

/**
 * Puts the app with its production dependencies into `staging`, at its path in the
 * repository. A pnpm workspace app goes through `pnpm deploy --prod` (workspace packages
 * copied in); anything else is copied as it is in the repository — without dependencies,
 * VCS data, Slipway's state and `.env` files — and installed there for production
 * (`npm ci --omit=dev`, `pnpm install --prod`).
 */
export async function stageApp(context: StepContext, options: StageAppOptions): Promise<void> {
  const { app, pm } = options;
  if (pm.name === 'pnpm' && app.path !== '.') {
    const target = join(options.staging, app.path);
    const projectDir = context.projectDir;
    await exec(context, options, pnpmDeploy(pm, { ...options, projectDir, target }));
    return;
  }
  await copyProject(context.projectDir, options);
  const cwd = relative(context.projectDir, options.staging);
  await exec(context, options, { ...productionInstall(context.projectDir, options), cwd });
}

function pnpmDeploy(
  pm: PackageManager,
  options: StageAppOptions & { projectDir: string; target: string },
): Command {
  return pm.command([
    'deploy',
    '--legacy',
    '--filter',
    packageName(options.projectDir, options),
    '--prod',
    '--store-dir',
    options.storeDir,
    '--prefer-offline',
    '--config.confirmModulesPurge=false',
    options.target,
  ]);
}

function productionInstall(projectDir: string, options: StageAppOptions): Command {
  const { app, pm, storeDir } = options;
  const args =
    pm.name === 'pnpm'
      ? [
          'install',
          '--prod',
          '--store-dir',
          storeDir,
          '--prefer-offline',
          '--config.confirmModulesPurge=false',
        ]
      : [
          existsSync(join(projectDir, pm.lockfile)) ? 'ci' : 'install',
          '--omit=dev',
          ...(app.path === '.' ? [] : ['--workspace', packageName(projectDir, options)]),
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
        ];
  return pm.command(args);
}

async function copyProject(projectDir: string, options: StageAppOptions): Promise<void> {
  const dataDir = options.contract.database?.dataDir;
  const copied = (path: string) =>
    !path.split(sep).some((segment) => NEVER_COPIED.has(segment)) &&
    !isSecretEnvFile(basename(path)) &&
    path !== dataDir;
  // Entry by entry, so whole top-level folders that are never copied are not even walked.
  for (const entry of await readdir(projectDir)) {
    if (!copied(entry)) continue;
    await cp(join(projectDir, entry), join(options.staging, entry), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => copied(relative(projectDir, source)),
    });
  }
}

/** The app's package name: the contract's, else its package.json's. */
function packageName(projectDir: string, options: StageAppOptions): string {
  if (options.app.package) return options.app.package;
  const manifest = join(projectDir, options.app.path, 'package.json');
  const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
  return name ?? options.app.name;
}

async function exec(
  context: StepContext,
  options: StageAppOptions,
  command: Command & { cwd?: string },
) {
  context.log(`$ ${command.display}`);
  const cwd = command.cwd;
  const result = await context.exec(command.file, command.args, cwd ? { cwd } : {});
  if (result.exitCode !== 0) {
    throw classifyFailure({
      step: 'package',
      command: command.display,
      result,
      packageDirs: options.packageDirs,
    });
  }
}
