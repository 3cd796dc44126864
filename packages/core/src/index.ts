export { ERROR_CODES, EXIT_CODE, HTTP_STATUS, isErrorCode } from './errorCodes.js';
export type { ErrorCode, Severity } from './errorCodes.js';
export { SlipwayError, isSlipwayError, docsLinkFor } from './slipwayError.js';
export type {
  Component,
  SlipwayErrorOptions,
  SlipwayErrorJson,
  SourceLocation,
} from './slipwayError.js';
export { renderFinding, formatLocation, errorToJson } from './renderError.js';
export type { Finding, RenderOptions } from './renderError.js';
export { hasErrors } from './parseResult.js';
export type { ParseResult } from './parseResult.js';
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
