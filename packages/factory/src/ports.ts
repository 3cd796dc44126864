import type { Deployer, HealthChecker } from '@slipway/core';
import type { RunStore } from '@slipway/pipeline';
import type { InstanceDriver } from '@slipway/runtime';

/** Where a run's secrets come from: name → value, injected as environment. */
export interface SecretsSource {
  resolve(): Readonly<Record<string, string>>;
}

/** The runtime behind `deploy` and `health`; without it a run stops after `package`. */
export interface RuntimePorts {
  deployer: Deployer;
  healthChecker: HealthChecker;
}

/** A project's instances, for stop, status and cleanup. */
export type InstanceControl = Pick<InstanceDriver, 'status' | 'stop' | 'remove'>;

/**
 * What a use case needs from the outside world, injected by the edge that calls it: the
 * CLI builds local ones (`createLocalPorts`), the server its database-backed ones.
 */
export interface ProjectPorts {
  store: RunStore;
  secrets: SecretsSource;
  instances: InstanceControl;
  /** Omitted: no `deploy` and no `health` step. */
  runtime?: RuntimePorts;
}
