export { createSecretsService } from './secretsService.js';
export type {
  PutSecretInput,
  SecretMetadata,
  SecretScope,
  SecretsService,
  SecretsServiceOptions,
} from './secretsService.js';
export { loadSecretKey, secretKeyFrom } from './secretKey.js';
export type { LoadSecretKeyOptions, SecretKey } from './secretKey.js';
export { openSecret, sealSecret } from './secretCipher.js';
export type { SealedSecret } from './secretCipher.js';
