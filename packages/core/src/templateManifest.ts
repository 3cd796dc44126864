import { z } from 'zod';
import { slugSchema } from './names.js';
import { lifecycleContributionSchema, templateLifecycleSchema } from './lifecycleContract.js';

/** A JSON Schema object describing answers; validated in full by the template engine. */
export const parametersSchema = z
  .looseObject({
    type: z.literal('object').default('object'),
    properties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    required: z.array(z.string()).default([]),
  })
  .describe('JSON Schema (draft 2020-12) of an answers object');

/** The parameters of a template or module that declares none. */
const NO_PARAMETERS = { type: 'object' as const, properties: {}, required: [] };

export const envVarSchema = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE'),
  description: z.string().min(1),
  secret: z.boolean().default(false),
  default: z.string().optional(),
});

const semverSchema = z
  .string()
  .regex(
    /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
    'a semantic version such as 1.2.0',
  );

/** `template.yaml` at the root of a template folder. */
export const templateManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: slugSchema,
    version: semverSchema,
    description: z.string().min(1),
    engine: z.string().default('*').describe('semver range of Slipway versions that can render it'),
    parameters: parametersSchema.default(NO_PARAMETERS),
    modules: z.strictObject({ default: z.array(slugSchema).default([]) }).default({ default: [] }),
    env: z.array(envVarSchema).default([]),
    binary: z.array(z.string()).default([]).describe('Globs of files copied verbatim'),
    migrations: z
      .strictObject({
        dir: z.string().default('db/migrations'),
        seedsDir: z.string().default('db/seeds'),
      })
      .default({ dir: 'db/migrations', seedsDir: 'db/seeds' }),
    lifecycle: templateLifecycleSchema
      .optional()
      .describe('the lifecycle contract of projects made from it (docs/contract.md)'),
  })
  .describe('Slipway template manifest (template.yaml)');

const mergeFragmentSchema = z.union([
  z.strictObject({ into: z.string().min(1), json: z.record(z.string(), z.unknown()) }),
  z.strictObject({ into: z.string().min(1), jsonFile: z.string().min(1) }),
  z.strictObject({ into: z.string().min(1), yaml: z.record(z.string(), z.unknown()) }),
  z.strictObject({ into: z.string().min(1), yamlFile: z.string().min(1) }),
  z.strictObject({ into: z.string().min(1), appendFile: z.string().min(1) }),
]);

const routeSchema = z.strictObject({
  path: z.string().startsWith('/'),
  importFrom: z.string().min(1),
  exportName: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'a JavaScript identifier'),
});

/** `module.yaml` at the root of a module folder. */
export const moduleManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: slugSchema,
    version: semverSchema,
    description: z.string().min(1),
    requires: z.array(slugSchema).default([]),
    conflicts: z.array(slugSchema).default([]),
    parameters: parametersSchema.default(NO_PARAMETERS),
    contributes: z
      .strictObject({
        packages: z
          .array(z.strictObject({ name: z.string().min(1), dir: z.string().min(1) }))
          .default([]),
        apiRoutes: z.array(routeSchema).default([]),
        webPages: z.array(routeSchema.extend({ title: z.string().min(1) })).default([]),
        env: z.array(envVarSchema).default([]),
        merge: z.array(mergeFragmentSchema).default([]),
        lifecycle: lifecycleContributionSchema.optional(),
      })
      .default({ packages: [], apiRoutes: [], webPages: [], env: [], merge: [] }),
  })
  .describe('Slipway module manifest (module.yaml)');

export type TemplateManifest = z.output<typeof templateManifestSchema>;
export type ModuleManifest = z.output<typeof moduleManifestSchema>;
export type EnvVar = z.output<typeof envVarSchema>;
export type MergeFragment = z.output<typeof mergeFragmentSchema>;
