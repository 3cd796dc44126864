import { z } from 'zod';
import { projectNameSchema, repoNameSchema, slugSchema } from './names.js';

/** A value that may be given inline or, better, by the name of a stored secret. */
const secretValueSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      secret: z.string().min(1).describe('Name of a secret in the Slipway secrets store'),
    }),
    z.strictObject({
      env: z.string().min(1).describe('Name of an environment variable to read at create time'),
    }),
  ])
  .describe('Inline value, `{ secret: NAME }` or `{ env: NAME }`; never stamped into the project');

const authSchema = z
  .strictObject({
    provider: z
      .enum(['local', 'oidc', 'okta', 'clerk', 'none'])
      .default('local')
      .describe('Identity provider of the generated app; `local` uses the access module'),
    issuer: z.url().optional().describe('OIDC issuer URL (oidc, okta)'),
    clientId: z.string().min(1).optional(),
    clientSecret: secretValueSchema.optional(),
    allowedDomains: z
      .array(z.string().min(1))
      .default([])
      .describe('Email domains allowed to sign up'),
  })
  .describe('Authentication / IdP settings, seeded into the database by `db:seed`');

const aiProviderSchema = z.strictObject({
  name: slugSchema.describe('Name the app refers to this provider by'),
  kind: z.enum(['openai', 'anthropic', 'bedrock', 'openai-compatible']),
  baseUrl: z.url().optional(),
  model: z.string().min(1).optional(),
  apiKey: secretValueSchema.optional(),
});

const environmentSchema = z.strictObject({
  awsRegion: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1')
    .optional(),
  domain: z.string().min(1).optional(),
  allowedOrigins: z
    .array(z.string().min(1))
    .default([])
    .describe('CORS origins; empty means `*` in dev and nothing elsewhere'),
  variables: z.record(z.string(), z.string()).default({}),
});

/**
 * The project config file (`setup.yaml`), the scripted form of `slipway create`'s
 * flags, with the package scope and the repository name kept apart.
 */
export const projectConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    template: z
      .string()
      .min(1)
      .default('saas')
      .describe('Built-in template name or a template folder'),
    project: z.strictObject({
      name: projectNameSchema,
      repoName: repoNameSchema.optional().describe('Defaults to the project name'),
      displayName: z.string().min(1).max(100).optional(),
      description: z.string().max(500).optional(),
    }),
    modules: z
      .array(slugSchema)
      .optional()
      .describe('Modules to include; the template default when omitted'),
    moduleSettings: z.record(slugSchema, z.record(z.string(), z.unknown())).default({}),
    answers: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Answers to the template parameters'),
    auth: authSchema.optional(),
    ai: z.strictObject({ providers: z.array(aiProviderSchema).default([]) }).optional(),
    environments: z.partialRecord(z.enum(['dev', 'stg', 'prd']), environmentSchema).default({}),
  })
  .describe('Slipway project config (setup.yaml)');

export type ProjectConfigInput = z.input<typeof projectConfigSchema>;
export type ProjectConfig = z.output<typeof projectConfigSchema>;
export type SecretValue = z.output<typeof secretValueSchema>;
