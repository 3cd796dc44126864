export { loadTemplate } from './loadTemplate.js';
export { loadProjectConfig } from './loadProjectConfig.js';
export type { LoadedTemplate, LoadedModule, SourceFile } from './loadTemplate.js';
export { findTemplate, listTemplateNames, builtinTemplatesDir } from './findTemplate.js';
export { resolveModules } from './resolveModules.js';
export type { ModuleSelection } from './resolveModules.js';
export { resolveAnswers } from './resolveAnswers.js';
export type { AnswersSchema, ResolveAnswersOptions } from './resolveAnswers.js';
export { planProject } from './planProject.js';
export type { ProjectInput, PlanProjectOptions, ProjectPlan } from './planProject.js';
export { applyPlan } from './applyPlan.js';
export type { ApplyPlanOptions, ApplyResult } from './applyPlan.js';
export { comparePlan, unifiedDiff } from './comparePlan.js';
export type { FileChange, FileChangeKind } from './comparePlan.js';
export { BASE_TREE_PATH, encodeBaseTree, decodeBaseTree } from './projectStamp.js';
// The stamp's one schema and reader live in @slipway/core; re-exported for the engine's users.
export { STAMP_PATH, readProjectStamp, projectStampSchema } from '@slipway/core';
export type { ProjectStamp } from '@slipway/core';
export { validateProject } from './validateProject.js';
export type { ValidateOptions, ValidationReport } from './validateProject.js';
export { readProjectFiles, planFiles } from './validate/projectFiles.js';
export type { ProjectFiles } from './validate/projectFiles.js';
export { sortedPaths } from './projectTree.js';
export type { ProjectTree, TreeFile } from './projectTree.js';
export type {
  RenderContext,
  ProjectNames,
  Contributions,
  RouteContribution,
  PageContribution,
  EnvContribution,
} from './renderContext.js';
