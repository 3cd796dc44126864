export { createSecretsService } from './secretsService.js';
export type {
  PutSecretInput,
  SecretMetadata,
  SecretScope,
  SecretsService,
  SecretsServiceOptions,
} from './secretsService.js';
// One AES-256-GCM implementation and key file for the server and the CLI's local store.
export { loadSecretKey, secretKeyFrom, openSecret, sealSecret } from '@slipway/secrets';
export type { LoadSecretKeyOptions, SecretKey, SealedSecret } from '@slipway/secrets';
