export * from './errors.js';
export {
  PROJECT_NAME_PATTERN,
  REPO_NAME_PATTERN,
  SLUG_PATTERN,
  projectNameSchema,
  repoNameSchema,
  slugSchema,
  toProjectName,
} from './names.js';
export { projectConfigSchema } from './projectConfig.js';
export type { ProjectConfig, ProjectConfigInput, SecretValue } from './projectConfig.js';
export {
  templateManifestSchema,
  moduleManifestSchema,
  parametersSchema,
  envVarSchema,
} from './templateManifest.js';
export type {
  TemplateManifest,
  ModuleManifest,
  EnvVar,
  MergeFragment,
} from './templateManifest.js';
export { JSON_SCHEMA_FILES, toJsonSchema } from './jsonSchemas.js';
export { formatZodIssues } from './formatZodIssues.js';
export {
  lifecycleContractSchema,
  contractAppSchema,
  appKindSchema,
  artifactSpecSchema,
  databaseCommandsSchema,
  lifecycleScriptsSchema,
  packageManagerSchema,
  packageManagerNameSchema,
  projectPathSchema,
  workspaceRunnerSchema,
} from './lifecycleContract.js';
export type {
  AppKind,
  ContractApp,
  ContractSource,
  LifecycleContract,
  LifecycleContractInput,
  PackageManagerName,
  WorkspaceRunner,
} from './lifecycleContract.js';
export type {
  Artifact,
  Deployer,
  DeployRequest,
  DeployedInstance,
  HealthChecker,
  HealthCheckRequest,
} from './deployer.js';
