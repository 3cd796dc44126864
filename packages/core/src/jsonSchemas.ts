import { z } from 'zod';
import { projectConfigSchema } from './projectConfig.js';
import { lifecycleContractSchema } from './lifecycleContract.js';
import { artifactManifestSchema } from './artifactManifest.js';
import { moduleManifestSchema, templateManifestSchema } from './templateManifest.js';

/**
 * JSON Schemas of every user-written file, for editors (`$schema`) and docs. The files
 * under `packages/core/schemas/` are generated from these and snapshot-tested.
 */
export const JSON_SCHEMA_FILES = {
  'project-config.json': projectConfigSchema,
  'template-manifest.json': templateManifestSchema,
  'module-manifest.json': moduleManifestSchema,
  'lifecycle-contract.json': lifecycleContractSchema,
  'artifact-manifest.json': artifactManifestSchema,
} as const;

export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
