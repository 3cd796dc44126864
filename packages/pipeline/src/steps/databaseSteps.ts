import { createHash } from 'node:crypto';
import type { LifecycleContract } from '@slipway/core';
import type { StepDefinition } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';
import type { PackageManager } from './packageManager.js';
import { scriptStep } from './scriptStep.js';

export interface DatabaseStepsOptions {
  contract: LifecycleContract;
  pm: PackageManager;
  /** The step the database scripts run after (they usually need the build). */
  after: StepName;
  databaseUrl: string | undefined;
  packageDirs: ReadonlyMap<string, string>;
}

/**
 * `db:migrate` and `db:seed` when the contract names their scripts. Keyed by the
 * contract's database inputs and by which database they apply to (a digest of the URL,
 * never the URL); with the embedded database, a hit also needs its data folder.
 */
export function databaseSteps(options: DatabaseStepsOptions): StepDefinition[] {
  const { contract, pm, databaseUrl, packageDirs } = options;
  const database = contract.database;
  if (!database?.migrate) return [];
  const config = {
    database: createHash('sha256')
      .update(databaseUrl ?? 'embedded')
      .digest('hex')
      .slice(0, 16),
  };
  const inputs = { files: database.inputs, config };
  const outputs = !databaseUrl && database.dataDir ? [database.dataDir] : [];
  const base = { inputs, env: { DATABASE_URL: databaseUrl ?? '' }, packageDirs };
  const target = database.package ? { package: database.package } : {};
  const steps = [
    scriptStep({
      ...base,
      name: 'db:migrate',
      description: 'apply the database migrations',
      dependsOn: [options.after],
      outputs,
      command: pm.run(database.migrate, target),
    }),
  ];
  if (database.seed) {
    steps.push(
      scriptStep({
        ...base,
        name: 'db:seed',
        description: 'apply the database seeds',
        dependsOn: ['db:migrate'],
        command: pm.run(database.seed, target),
      }),
    );
  }
  return steps;
}
