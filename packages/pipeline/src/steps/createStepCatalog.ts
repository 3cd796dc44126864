import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LifecycleContract } from '@slipway/core';
import { resolveContract } from '../contract/resolveContract.js';
import type { Deployer, HealthChecker } from '@slipway/core';
import type { StepDefinition } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';
import { databaseSteps } from './databaseSteps.js';
import { deployStep, healthStep } from './deploySteps.js';
import { doctorStep } from './doctorStep.js';
import { packageManagerFor } from './packageManager.js';
import type { PackageManager } from './packageManager.js';
import { packageStep } from './packageStep.js';
import { readWorkspace } from './readWorkspace.js';
import { reportStep } from './reportStep.js';
import { scriptStep } from './scriptStep.js';

export interface CatalogOptions {
  projectDir: string;
  /** The project's lifecycle contract. @default resolveContract(projectDir) */
  contract?: LifecycleContract;
  /** The shared content-addressed pnpm store. @default ~/.slipway/pnpm-store */
  storeDir?: string;
  /** Where the database steps apply; without it, the project's embedded database. */
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

export const NOT_SOURCE = ['**/*.md', 'infra/**', '.github/**', '.env*'];
export const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', '**/*.test.js'];
const TURBO_ENV = { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_DAEMON: 'false' };

/**
 * The steps of a JavaScript project, from its lifecycle contract alone: a step exists when
 * the contract names its script (`build`, `typecheck`, `lint`, `test`, the database
 * scripts) or its app (`package`, with an `artifact`). Reads manifests; spawns nothing.
 */
export function createStepCatalog(options: CatalogOptions): StepDefinition[] {
  const contract = options.contract ?? resolveContract(options.projectDir).contract;
  const pm = packageManagerFor(contract);
  const storeDir = options.storeDir ?? defaultStoreDir();
  const tools = { node: process.version, [pm.name]: pm.version };
  const { packageDirs } = readWorkspace(options.projectDir);
  const env = contract.runner === 'turbo' ? TURBO_ENV : {};
  const steps: StepDefinition[] = [
    doctorStep({ storeDir, inputs: { tools, files: ['.nvmrc', 'package.json'] } }),
    scriptStep({
      name: 'install',
      description: `${pm.name} install${pm.name === 'pnpm' ? ' from the shared store' : ''}`,
      dependsOn: ['doctor'],
      inputs: { files: pm.installInputs, tools, config: { storeDir } },
      outputs: [pm.installMarker],
      command: pm.install({ storeDir }),
      packageDirs,
    }),
  ];
  const { scripts } = contract;
  if (scripts.build) {
    steps.push(
      scriptStep({
        name: 'build',
        description: 'build every package',
        dependsOn: ['install'],
        inputs: { files: ['**'], ignore: [...NOT_SOURCE, ...TESTS] },
        outputs: buildOutputs(contract),
        command: pm.run(scripts.build),
        env,
        packageDirs,
      }),
    );
  }
  steps.push(...checkSteps(steps, { contract, pm, env, packageDirs }));
  const after: StepName = scripts.build ? 'build' : 'install';
  steps.push(
    ...databaseSteps({ contract, pm, after, databaseUrl: options.databaseUrl, packageDirs }),
  );
  if (contract.artifact) {
    steps.push(
      packageStep({
        contract,
        pm,
        storeDir,
        packageDirs,
        dependsOn: [after],
        inputs: { files: ['**'], ignore: [...NOT_SOURCE, ...TESTS], tools },
      }),
    );
  }
  steps.push(...deployAndHealth(steps, options, contract));
  steps.push(reportStep(steps.map((step) => step.name)));
  return steps;
}

/** `typecheck`, `lint` and `test`, for the scripts the contract names. */
function checkSteps(
  earlier: readonly StepDefinition[],
  options: {
    contract: LifecycleContract;
    pm: PackageManager;
    env: Readonly<Record<string, string>>;
    packageDirs: ReadonlyMap<string, string>;
  },
): StepDefinition[] {
  const { scripts } = options.contract;
  // turbo's `--only` runs the task without its `^build` dependencies, which the build
  // step has just made; two turbo runs restoring the same outputs at once could race.
  const only = options.contract.runner === 'turbo' ? ['--only'] : [];
  const checks: Array<[StepName, string | undefined, string, StepName]> = [
    ['typecheck', scripts.typecheck, 'type-check every package', 'build'],
    ['lint', scripts.lint, 'the project linter', 'install'],
    ['test', scripts.test, "every package's tests", 'build'],
  ];
  const has = (name: StepName) => earlier.some((step) => step.name === name);
  return checks.flatMap(([name, script, description, after]) =>
    script
      ? [
          scriptStep({
            name,
            description,
            dependsOn: [has(after) ? after : 'install'],
            inputs: { files: ['**'], ignore: NOT_SOURCE },
            command: options.pm.run(script, { extra: name === 'lint' ? [] : only }),
            env: options.env,
            packageDirs: options.packageDirs,
          }),
        ]
      : [],
  );
}

/** Each app's build output folders, as project paths. */
function buildOutputs(contract: LifecycleContract): string[] {
  return contract.apps.flatMap((app) =>
    (app.build?.output ?? []).map((output) =>
      app.path === '.' ? output : `${app.path}/${output}`,
    ),
  );
}

function deployAndHealth(
  steps: readonly StepDefinition[],
  options: CatalogOptions,
  contract: LifecycleContract,
): StepDefinition[] {
  if (!options.deployer || !steps.some((step) => step.name === 'package')) return [];
  const gates = steps
    .map((step) => step.name)
    .filter((name) =>
      ['package', 'test', 'typecheck', 'lint', 'db:seed', 'db:migrate'].includes(name),
    );
  const deployed = [deployStep(options.deployer, gates)];
  const app = contract.apps.find((candidate) => candidate.name === contract.artifact?.app);
  if (options.healthChecker && app)
    deployed.push(
      healthStep(options.healthChecker, {
        timeoutMs: options.healthTimeoutMs ?? 60_000,
        path: app.healthPath,
      }),
    );
  return deployed;
}
