export { STEP_NAMES, isStepName } from './stepNames.js';
export type { StepName } from './stepNames.js';
export type {
  StepDefinition,
  StepInputs,
  StepContext,
  StepOutcome,
  ExecOptions,
  ExecResult,
} from './stepDefinition.js';
export type { RunState, RunStatus, StepRecord, StepStatus } from './runState.js';
export type { RunEvent } from './runEvents.js';
export type { RunStore, LogSink } from './runStore.js';
export type { ProjectSnapshot } from './projectSnapshot.js';
export { loadProject, orderSteps } from './loadProject.js';
export { PROJECT_STAMP_PATH, projectTemplate } from './projectTemplate.js';
export type { LoadProjectOptions } from './loadProject.js';
export { planRun } from './planRun.js';
export type { PlanOptions, PlannedStep, RunPlan, StepAction } from './planRun.js';
export { executeRun } from './executeRun.js';
export type { ExecuteOptions, RunResult } from './executeRun.js';
export { createFileRunStore, STATE_PATH, RUNS_DIR, runDir, stepLogPath } from './fileRunStore.js';
export { fingerprintStep, stableJson } from './fingerprintStep.js';
export type { Fingerprint } from './fingerprintStep.js';
export { snapshotFiles } from './snapshotFiles.js';
export type { FileSnapshot } from './snapshotFiles.js';
export { explainMiss } from './explainMiss.js';
export { createRedactor, REDACTED } from './redactSecrets.js';
export { bundledPnpm, bundledPnpmVersion } from './bundledPnpm.js';
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
