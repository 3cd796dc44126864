import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { bundledPnpmVersion } from '../bundledPnpm.js';
import type { Deployer, HealthChecker } from '@slipway/core';
import type { StepDefinition } from '../stepDefinition.js';
import type { StepName } from '../stepNames.js';
import { deployStep, healthStep } from './deploySteps.js';
import { doctorStep } from './doctorStep.js';
import { packageStep } from './packageStep.js';
import { readWorkspace } from './readWorkspace.js';
import { reportStep } from './reportStep.js';
import { scriptStep } from './scriptStep.js';

export interface CatalogOptions {
  projectDir: string;
  /** The shared content-addressed pnpm store. @default ~/.slipway/pnpm-store */
  storeDir?: string;
  /** Where `db:migrate` / `db:seed` apply; without it, the project's embedded database. */
  databaseUrl?: string;
  /** Injected by the CLI or server (`@slipway/runtime`); without it there is no `deploy` step. */
  deployer?: Deployer;
  /** Injected with the deployer; without it there is no `health` step. */
  healthChecker?: HealthChecker;
  /** @default 60_000 */
  healthTimeoutMs?: number;
}

/** The pnpm store shared by every project: `SLIPWAY_PNPM_STORE`, else `~/.slipway/pnpm-store`. */
export function defaultStoreDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return env.SLIPWAY_PNPM_STORE || join(homedir(), '.slipway', 'pnpm-store');
}

const NOT_SOURCE = ['**/*.md', 'infra/**', '.github/**', '.env*'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts'];

/**
 * The steps of a pnpm + turbo project such as the built-in `saas` template, from what the
 * project has: a step exists only when its script does (`typecheck`, `lint`, `test`, a
 * package with `db:migrate`, an `apps/api` to package). Reads manifests; spawns nothing.
 */
export function createStepCatalog(options: CatalogOptions): StepDefinition[] {
  const workspace = readWorkspace(options.projectDir);
  const storeDir = options.storeDir ?? defaultStoreDir();
  const tools = { node: process.version, pnpm: bundledPnpmVersion() };
  const { packageDirs } = workspace;
  // turbo's `--only` runs the task without its `^build` dependencies, which the build
  // step has just made; two turbo runs restoring the same outputs at once could race.
  const only = (script: string) =>
    workspace.scripts[script]?.startsWith('turbo run') ? ['--only'] : [];
  const turboEnv = { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_DAEMON: 'false' };
  const steps: StepDefinition[] = [
    doctorStep({ storeDir, inputs: { tools, files: ['.nvmrc', 'package.json'] } }),
    scriptStep({
      name: 'install',
      description: 'pnpm install from the shared store',
      dependsOn: ['doctor'],
      inputs: {
        files: [
          'package.json',
          '**/package.json',
          'pnpm-lock.yaml',
          'pnpm-workspace.yaml',
          '.npmrc',
        ],
        tools,
        config: { storeDir },
      },
      outputs: ['node_modules/.modules.yaml'],
      pnpmArgs: [
        'install',
        '--store-dir',
        storeDir,
        '--prefer-offline',
        '--no-frozen-lockfile',
        '--reporter=append-only',
        '--config.confirmModulesPurge=false',
      ],
      packageDirs,
    }),
  ];
  if (workspace.scripts.build) {
    const outputs = workspace.packages
      .filter((pkg) => pkg.scripts.build)
      .map((pkg) => `${pkg.dir}/dist`);
    steps.push(
      scriptStep({
        name: 'build',
        description: 'turbo build of every package',
        dependsOn: ['install'],
        inputs: { files: ['**'], ignore: [...NOT_SOURCE, ...TESTS] },
        outputs,
        pnpmArgs: ['run', 'build'],
        env: turboEnv,
        packageDirs,
      }),
    );
  }
  const checks: Array<[StepName, string, StepName]> = [
    ['typecheck', 'tsc --noEmit in every package', 'build'],
    ['lint', 'the project linter', 'install'],
    ['test', "every package's tests", 'build'],
  ];
  for (const [name, description, after] of checks) {
    if (!workspace.scripts[name]) continue;
    const dependsOn: StepName[] = steps.some((step) => step.name === after) ? [after] : ['install'];
    steps.push(
      scriptStep({
        name,
        description,
        dependsOn,
        inputs: { files: ['**'], ignore: NOT_SOURCE },
        pnpmArgs: ['run', name, ...only(name)],
        env: turboEnv,
        packageDirs,
      }),
    );
  }
  const dbPackage = workspace.packages.find((pkg) => pkg.scripts['db:migrate']);
  const database = createHash('sha256')
    .update(options.databaseUrl ?? 'embedded')
    .digest('hex')
    .slice(0, 16);
  const dbEnv = { DATABASE_URL: options.databaseUrl ?? '' };
  if (dbPackage) {
    const base = { inputs: { config: { database } }, env: dbEnv, packageDirs };
    const outputs = options.databaseUrl ? [] : ['.data'];
    steps.push(
      scriptStep({
        ...base,
        name: 'db:migrate',
        description: 'apply db/migrations',
        dependsOn: ['build'],
        inputs: { files: ['db/migrations/**'], config: { database } },
        outputs,
        pnpmArgs: ['--filter', dbPackage.name, 'run', 'db:migrate'],
      }),
    );
    if (dbPackage.scripts['db:seed']) {
      steps.push(
        scriptStep({
          ...base,
          name: 'db:seed',
          description: 'apply db/seeds',
          dependsOn: ['db:migrate'],
          inputs: { files: ['db/seeds/**'], config: { database } },
          pnpmArgs: ['--filter', dbPackage.name, 'run', 'db:seed'],
        }),
      );
    }
  }
  const api = workspace.packages.find((pkg) => pkg.dir === 'apps/api');
  if (api && workspace.scripts.build) {
    steps.push(
      packageStep({
        api,
        storeDir,
        packageDirs,
        inputs: { files: ['**'], ignore: [...NOT_SOURCE, ...TESTS], tools },
      }),
    );
  }
  if (options.deployer && steps.some((step) => step.name === 'package')) {
    const gates = steps
      .map((step) => step.name)
      .filter((name) =>
        ['package', 'test', 'typecheck', 'lint', 'db:seed', 'db:migrate'].includes(name),
      );
    steps.push(deployStep(options.deployer, gates));
    if (options.healthChecker)
      steps.push(healthStep(options.healthChecker, options.healthTimeoutMs ?? 60_000));
  }
  steps.push(reportStep(steps.map((step) => step.name)));
  return steps;
}
