export { STEP_NAMES, isStepName } from './steps/stepNames.js';
export type { CatalogStepName } from './steps/stepNames.js';
export type { StepName } from './engine/stepName.js';
export type {
  StepDefinition,
  StepInputs,
  StepContext,
  StepOutcome,
  ExecOptions,
  ExecResult,
} from './engine/stepDefinition.js';
export type { RunState, RunStatus, StepRecord, StepStatus } from './engine/runState.js';
export type { RunEvent } from './engine/runEvents.js';
export type { RunStore, LogSink } from './engine/runStore.js';
export type { ProjectSnapshot } from './engine/projectSnapshot.js';
export { loadProject, orderSteps } from './loadProject.js';
export { projectTemplate } from './projectTemplate.js';
export { resolveContract } from './contract/resolveContract.js';
export type { ResolvedContract } from './contract/resolveContract.js';
export type { LoadProjectOptions } from './loadProject.js';
export { planRun } from './engine/planRun.js';
export type { PlanOptions, PlannedStep, RunPlan, StepAction } from './engine/planRun.js';
export { executeRun } from './engine/executeRun.js';
export type { ExecuteOptions, RunResult } from './engine/executeRun.js';
export {
  createFileRunStore,
  STATE_PATH,
  RUNS_DIR,
  runDir,
  stepLogPath,
} from './engine/fileRunStore.js';
export { fingerprintStep, stableJson } from './engine/fingerprintStep.js';
export type { Fingerprint } from './engine/fingerprintStep.js';
export { snapshotFiles } from './engine/snapshotFiles.js';
export type { FileSnapshot } from './engine/snapshotFiles.js';
export { explainMiss } from './engine/explainMiss.js';
export { bundledPnpm, bundledPnpmVersion } from './bundledPnpm.js';
export { pathWithPnpm, pnpmShimDir } from './pnpmShim.js';
export { firstCompilerError } from './errors/firstCompilerError.js';
export type { CompilerError } from './errors/firstCompilerError.js';
export { failingTests } from './errors/failingTests.js';
export type { FailingTest } from './errors/failingTests.js';
export { classifyFailure } from './errors/classifyFailure.js';
export { createStepCatalog, defaultStoreDir } from './steps/createStepCatalog.js';
export type { CatalogOptions } from './steps/createStepCatalog.js';
export { ARTIFACTS_DIR, LATEST_ARTIFACT } from './steps/packageStep.js';
export { reportPath } from './steps/reportStep.js';
export type { RunReport } from './steps/reportStep.js';
export { planCleanup, applyCleanup } from './cleanupProject.js';
export type { CleanupPlan } from './cleanupProject.js';
export { runDoctor, checkPort } from './doctor/runDoctor.js';
export type { DoctorOptions } from './doctor/runDoctor.js';
export type { DoctorCheck, DoctorReport, CheckStatus } from './doctor/doctorCheck.js';
export {
  appendTelemetry,
  readTelemetry,
  telemetryEnabled,
  telemetryPath,
  telemetryRecord,
} from './telemetry/telemetryRecord.js';
export type { TelemetryRecord } from './telemetry/telemetryRecord.js';
export { summarizeTelemetry, percentile } from './telemetry/summarizeTelemetry.js';
export type { TelemetrySummary } from './telemetry/summarizeTelemetry.js';
export { inferContract } from './contract/inferContract.js';
export type { InferredContract } from './contract/inferContract.js';
export { CONTRACT_FILE, parseContractYaml, readContractFile } from './contract/readContractFile.js';
export { CONTRACT_SCHEMA_URL, renderContractYaml } from './contract/renderContractYaml.js';
