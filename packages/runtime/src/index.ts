export type {
  InstanceDriver,
  InstanceExit,
  InstanceRecord,
  InstanceRole,
  InstanceState,
  InstanceStatus,
  RestartPolicy,
  StartInstanceRequest,
} from './instanceDriver.js';
export { createProcessDriver } from './process/createProcessDriver.js';
export type { ProcessDriverOptions } from './process/createProcessDriver.js';
export { ARTIFACT_MANIFEST } from './process/unpackArtifact.js';
export { DEFAULT_HEALTH_PATH } from './process/resolveStartCommand.js';
export { waitForHealthy } from './waitForHealthy.js';
export type { HealthResult, WaitForHealthyOptions } from './waitForHealthy.js';
export { createHealthChecker, healthTimeout } from './healthChecker.js';
export type { HealthCheckerOptions, RuntimeHealthChecker } from './healthChecker.js';
export { createDeployer } from './deployer.js';
export type { DeployerOptions, RuntimeDeployedInstance, RuntimeDeployer } from './deployer.js';
