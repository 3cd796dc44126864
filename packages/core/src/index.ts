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
  STATIC_SERVER_COMMAND,
  templateLifecycleSchema,
  templateContractAppSchema,
  lifecycleContributionSchema,
} from './lifecycleContract.js';
export type {
  AppKind,
  ContractApp,
  ContractSource,
  LifecycleContract,
  LifecycleContractInput,
  PackageManagerName,
  WorkspaceRunner,
  TemplateLifecycle,
  LifecycleContribution,
} from './lifecycleContract.js';
export {
  STAMP_PATH,
  findProjectStamp,
  projectStampSchema,
  readProjectStamp,
} from './projectStamp.js';
export type { ProjectStamp } from './projectStamp.js';
export { ARTIFACT_MANIFEST, artifactManifestSchema } from './artifactManifest.js';
export type { ArtifactManifest, ArtifactManifestInput } from './artifactManifest.js';
export type {
  Artifact,
  Deployer,
  DeployRequest,
  DeployedInstance,
  HealthChecker,
  HealthCheckRequest,
} from './deployer.js';
