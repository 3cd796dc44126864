import { z } from 'zod';
import { appKindSchema, projectPathSchema } from './lifecycleContract.js';

/** The file at the root of every artifact that says how it starts. */
export const ARTIFACT_MANIFEST = 'slipway-artifact.json';

const envNameSchema = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE');

/**
 * `slipway-artifact.json`: what `package` writes into the artifact (and beside it, with the
 * tarball's digest) from the project's contract, and the only thing the runtime reads to
 * start it. Paths are relative to the artifact root.
 * @example
 * { "schemaVersion": 1, "app": "api", "cwd": "apps/api", "start": ["node", "dist/server.js"],
 *   "portEnv": "PORT", "healthPath": "/health", "env": {} }
 */
export const artifactManifestSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    project: z.string().min(1).optional().describe('the project name, e.g. for image tags'),
    app: z.string().min(1).optional().describe("the contract's app this artifact holds"),
    kind: appKindSchema.optional(),
    cwd: projectPathSchema.default('.').describe('the folder `start` runs in'),
    start: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'argv; "node" is the Node running Slipway. None for a static app the runtime serves',
      ),
    port: z.number().int().min(1).max(65535).optional().describe("the app's own default port"),
    portEnv: envNameSchema.default('PORT').describe('the variable the runtime sets to the port'),
    healthPath: z.string().startsWith('/').default('/'),
    env: z
      .record(envNameSchema, z.string())
      .default({})
      .describe('defaults, under the environment the deploy passes'),
    requiredEnv: z.array(envNameSchema).default([]).describe('variables the app needs to start'),
    runId: z.string().optional(),
    createdAt: z.string().optional(),
    /** Only in the manifest beside the tarball: an archive cannot hold its own digest. */
    digest: z.string().optional(),
    size: z.number().int().optional(),
  })
  .describe('Slipway artifact manifest (slipway-artifact.json)');

export type ArtifactManifest = z.output<typeof artifactManifestSchema>;
export type ArtifactManifestInput = z.input<typeof artifactManifestSchema>;
