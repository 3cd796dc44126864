import { bundledPnpm } from '../bundledPnpm.js';
import { classifyFailure } from '../errors/classifyFailure.js';
import type { StepDefinition, StepInputs } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';

export interface ScriptStepOptions {
  name: StepName;
  description: string;
  dependsOn: readonly StepName[];
  inputs: StepInputs;
  outputs?: readonly string[];
  /** pnpm arguments, e.g. `['run', 'build']` or `['--filter', '@acme/api', 'run', 'db:migrate']`. */
  pnpmArgs: readonly string[];
  /** Extra environment for the command. */
  env?: Readonly<Record<string, string | undefined>>;
  packageDirs: ReadonlyMap<string, string>;
}

/**
 * A step that runs one project script through the bundled pnpm; a failure is classified
 * from the script's output (compiler error, failing tests, …).
 */
export function scriptStep(options: ScriptStepOptions): StepDefinition {
  const command = `pnpm ${options.pnpmArgs.join(' ')}`;
  return {
    name: options.name,
    description: options.description,
    dependsOn: options.dependsOn,
    inputs: options.inputs,
    ...(options.outputs ? { outputs: options.outputs } : {}),
    async run(context) {
      context.log(`$ ${command}`);
      const result = await context.exec(process.execPath, [bundledPnpm(), ...options.pnpmArgs], {
        env: options.env ?? {},
      });
      if (result.exitCode !== 0) {
        throw classifyFailure({
          step: options.name,
          command,
          result,
          packageDirs: options.packageDirs,
        });
      }
    },
  };
}
