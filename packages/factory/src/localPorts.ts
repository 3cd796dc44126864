import { createFileRunStore } from '@slipway/pipeline';
import { createDeployer, createHealthChecker, createProcessDriver } from '@slipway/runtime';
import { createLocalSecretsStore } from '@slipway/secrets';
import type { ProjectPorts } from './ports.js';

export interface LocalPortsOptions {
  projectDir: string;
  /** Scope of the local secrets store (`slipway secrets`). @default 'default' */
  scope?: string;
  /** `false`: no runtime, so a run stops after `package`. @default true */
  deploy?: boolean;
  /** How long a new instance has to pass its health check. @default the runtime's (60 s) */
  healthTimeoutMs?: number;
}

/**
 * The ports of one machine: `.slipway/` in the project for runs, the encrypted local
 * secrets store under `~/.slipway`, and the `process` driver for instances.
 */
export function createLocalPorts(options: LocalPortsOptions): ProjectPorts {
  const { projectDir, healthTimeoutMs } = options;
  return {
    store: createFileRunStore(projectDir),
    secrets: createLocalSecretsStore({ scope: options.scope }),
    instances: createProcessDriver({ projectDir }),
    ...(options.deploy === false
      ? {}
      : {
          runtime: {
            deployer: createDeployer(healthTimeoutMs ? { healthTimeoutMs } : {}),
            healthChecker: createHealthChecker({ projectDir }),
          },
        }),
  };
}
