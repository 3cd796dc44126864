import { classifyFailure } from '../errors/classifyFailure.js';
import type { StepDefinition, StepInputs } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';
import type { Command } from './packageManager.js';

export interface ScriptStepOptions {
  name: StepName;
  description: string;
  dependsOn: readonly StepName[];
  inputs: StepInputs;
  outputs?: readonly string[];
  /** The package manager command, e.g. `pnpm run build` or `npm ci`. */
  command: Command;
  /** Extra environment for the command. */
  env?: Readonly<Record<string, string | undefined>>;
  packageDirs: ReadonlyMap<string, string>;
}

/**
 * A step that runs one project script through the project's package manager; a failure
 * is classified from the script's output (compiler error, failing tests, …).
 */
export function scriptStep(options: ScriptStepOptions): StepDefinition {
  const { command } = options;
  return {
    name: options.name,
    description: options.description,
    dependsOn: options.dependsOn,
    // The command is part of the key: a contract naming another script must run again.
    inputs: {
      ...options.inputs,
      config: {
        command: command.display,
        ...(options.inputs.config ? { step: options.inputs.config } : {}),
      },
    },
    ...(options.outputs ? { outputs: options.outputs } : {}),
    async run(context) {
      context.log(`$ ${command.display}`);
      const env = { ...command.env?.(), ...options.env };
      const result = await context.exec(command.file, command.args, { env });
      if (result.exitCode !== 0) {
        throw classifyFailure({
          step: options.name,
          command: command.display,
          result,
          packageDirs: options.packageDirs,
        });
      }
    },
  };
}
