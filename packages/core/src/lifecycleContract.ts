import { z } from 'zod';
import { slugSchema } from './names.js';

/**
 * A path inside the project, POSIX separators, never absolute and never climbing out: the
 * engines join it to the project folder and must not be led elsewhere by a hostile file.
 */
export const projectPathSchema = z
  .string()
  .min(1)
  .refine(
    (path) =>
      !path.startsWith('/') &&
      !/^[A-Za-z]:/.test(path) &&
      !path.includes('\\') &&
      !path.split('/').includes('..') &&
      ![...path].some((char) => char.charCodeAt(0) < 0x20),
    'a relative path inside the project (no "..", no leading "/")',
  );

export const packageManagerNameSchema = z.enum(['pnpm', 'npm', 'yarn']);

export const packageManagerSchema = z.strictObject({
  name: packageManagerNameSchema,
  /** Exact version from `packageManager` (`pnpm@10.34.9` → `10.34.9`), when the repo pins one. */
  version: z.string().min(1).optional(),
});

/** What runs the root scripts across packages. `none` is a single-package repository. */
export const workspaceRunnerSchema = z.enum(['turbo', 'nx', 'workspaces', 'none']);

/**
 * `api`: an HTTP server; `web`: a web app with its own server (`next start`, `vite preview`);
 * `worker`: a process without a port; `static`: built files the runtime serves itself.
 */
export const appKindSchema = z.enum(['api', 'web', 'worker', 'static']);

const commandSchema = z
  .array(z.string().min(1))
  .min(1)
  .describe(
    'argv, run from the app folder inside the artifact; "node" is the Node running Slipway',
  );

/**
 * The start command of a `static` app: `[STATIC_SERVER_COMMAND, "<folder>"]` has the runtime
 * serve the built folder (relative to the app folder) itself, with `index.html` for unknown
 * paths, on the port the runtime gives it. A repository's own `start` never uses this name.
 */
export const STATIC_SERVER_COMMAND = 'slipway-static';
const portSchema = z.number().int().min(1).max(65535);

export const contractAppSchema = z.strictObject({
  name: slugSchema.describe('short name of the app, e.g. "api"'),
  path: projectPathSchema.default('.').describe('the app folder relative to the project root'),
  package: z.string().min(1).optional().describe('its package.json name, in a workspace'),
  kind: appKindSchema,
  build: z
    .strictObject({
      output: z
        .array(projectPathSchema)
        .default(['dist'])
        .describe('build output folders, relative to the app folder'),
    })
    .optional(),
  start: commandSchema.optional(),
  port: portSchema.optional(),
  portEnv: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .default('PORT')
    .describe('the environment variable the app reads its port from'),
  healthPath: z.string().startsWith('/').default('/'),
  env: z
    .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE'))
    .default([])
    .describe('environment variables the app needs at run time'),
});

/** Scripts (by name) that run the database steps, in `package` or the root when absent. */
export const databaseCommandsSchema = z.strictObject({
  package: z.string().min(1).optional(),
  migrate: z.string().min(1).optional(),
  seed: z.string().min(1).optional(),
  inputs: z
    .array(z.string().min(1))
    .default([])
    .describe('globs of the files migrate and seed read, e.g. db/**; they key the steps cache'),
  dataDir: projectPathSchema
    .optional()
    .describe('where the embedded database lives when no DATABASE_URL is given'),
});

/** What `package` puts in the artifact: one app with its production dependencies, plus extras. */
export const artifactSpecSchema = z.strictObject({
  app: slugSchema.describe('the app that is packaged and started (an entry of `apps`)'),
  include: z
    .array(projectPathSchema)
    .default([])
    .describe('more folders copied in at the same paths, e.g. apps/web/dist, db'),
});

/** Root script names per lifecycle phase; a phase without one has no step. */
export const lifecycleScriptsSchema = z.strictObject({
  build: z.string().min(1).optional(),
  typecheck: z.string().min(1).optional(),
  lint: z.string().min(1).optional(),
  test: z.string().min(1).optional(),
});

const contractFields = {
  $schema: z.string().optional(),
  schemaVersion: z.literal(1).default(1),
  packageManager: packageManagerSchema,
  runner: workspaceRunnerSchema.default('workspaces'),
  engines: z
    .strictObject({
      node: z.string().min(1).optional().describe('semver range the project needs'),
      packageManager: z.string().min(1).optional(),
    })
    .default({}),
  scripts: lifecycleScriptsSchema.default({}),
  apps: z.array(contractAppSchema).default([]),
  database: databaseCommandsSchema.optional(),
  artifact: artifactSpecSchema.optional(),
};

/**
 * The lifecycle contract: everything the engines (step catalog, packager, runtime, doctor)
 * may know about a project's layout. A template declares it, the stamp carries it resolved,
 * `slipway.yaml` writes it down for a repository Slipway did not create, and inference
 * fills it for one without either. No engine reads a project's layout any other way.
 */
export const lifecycleContractSchema = z
  .strictObject(contractFields)
  .superRefine((contract, context) => {
    const names = new Set<string>();
    for (const [index, app] of contract.apps.entries()) {
      if (names.has(app.name))
        context.addIssue({
          code: 'custom',
          path: ['apps', index, 'name'],
          message: `app "${app.name}" is declared twice`,
        });
      names.add(app.name);
    }
    if (contract.artifact && !names.has(contract.artifact.app))
      context.addIssue({
        code: 'custom',
        path: ['artifact', 'app'],
        message: `"${contract.artifact.app}" is not one of the apps (${[...names].join(', ') || 'none'})`,
      });
  })
  .describe('Slipway lifecycle contract (slipway.yaml, or `lifecycle` in template.yaml)');

/**
 * An app as a template or module declares it: `port` may also be a Liquid string such as
 * `"{{ answers.port }}"`, rendered with the answers when the project is made.
 */
export const templateContractAppSchema = contractAppSchema.extend({
  port: z
    .union([portSchema, z.string().min(1)])
    .optional()
    .describe('a port number, or a Liquid expression of the answers such as "{{ answers.port }}"'),
});

/**
 * `lifecycle` in template.yaml: the contract before rendering. Every string is Liquid,
 * rendered with the answers at create time; the result must be a valid contract.
 */
export const templateLifecycleSchema = z
  .strictObject({ ...contractFields, apps: z.array(templateContractAppSchema).default([]) })
  .describe('the lifecycle contract, its strings rendered with Liquid at create time');

/** `contributes.lifecycle` in module.yaml: what a module adds to the template's contract. */
export const lifecycleContributionSchema = z.strictObject({
  apps: z.array(templateContractAppSchema).default([]).describe('apps the module adds'),
  env: z
    .record(z.string(), z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE')))
    .default({})
    .describe('app name → more environment variables that app needs at run time'),
  include: z.array(projectPathSchema).default([]).describe('more folders copied into the artifact'),
});

/** Where a project's contract came from; shown by `slipway init`, `status` and `doctor`. */
export type ContractSource = 'stamp' | 'slipway.yaml' | 'inferred';

export type LifecycleContract = z.output<typeof lifecycleContractSchema>;
export type LifecycleContractInput = z.input<typeof lifecycleContractSchema>;
export type ContractApp = z.output<typeof contractAppSchema>;
export type AppKind = z.output<typeof appKindSchema>;
export type PackageManagerName = z.output<typeof packageManagerNameSchema>;
export type WorkspaceRunner = z.output<typeof workspaceRunnerSchema>;
export type TemplateLifecycle = z.output<typeof templateLifecycleSchema>;
export type LifecycleContribution = z.output<typeof lifecycleContributionSchema>;
