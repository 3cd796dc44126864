export { loadSecretKey, secretKeyFrom } from './secretKey.js';
export type { LoadSecretKeyOptions, SecretKey } from './secretKey.js';
export { openSecret, sealSecret } from './secretCipher.js';
export type { SealedSecret } from './secretCipher.js';
export { createLocalSecretsStore, slipwayHome } from './localSecretsStore.js';
export type {
  LocalSecretInfo,
  LocalSecretsStore,
  LocalSecretsStoreOptions,
} from './localSecretsStore.js';
export { formatEnvFile } from './formatEnvFile.js';
export { readEnvFile } from './readEnvFile.js';
export { materializeSecrets } from './materializeSecrets.js';
export type { MaterializeSecretsOptions, MaterializeSecretsResult } from './materializeSecrets.js';
export { createRedactor, MIN_SECRET_LENGTH, REDACTED } from './createRedactor.js';
export type { Redactor, RedactorOptions } from './createRedactor.js';
export { isSecretName, secretValuesOf } from './isSecretName.js';
