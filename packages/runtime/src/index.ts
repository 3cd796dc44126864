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
export { createLocalSecretsStore, slipwayHome } from './secrets/localSecretsStore.js';
export type {
  LocalSecretInfo,
  LocalSecretsStore,
  LocalSecretsStoreOptions,
} from './secrets/localSecretsStore.js';
export { loadSecretKey, secretKeyFrom } from './secrets/secretKey.js';
export type { LoadSecretKeyOptions, SecretKey } from './secrets/secretKey.js';
export { openSecret, sealSecret } from './secrets/secretCipher.js';
export type { SealedSecret } from './secrets/secretCipher.js';
export { formatEnvFile } from './secrets/formatEnvFile.js';
export { materializeSecrets } from './secrets/materializeSecrets.js';
export type {
  MaterializeSecretsOptions,
  MaterializeSecretsResult,
} from './secrets/materializeSecrets.js';
