export { upProject } from './upProject.js';
export type { UpEvent, UpOptions, UpResult } from './upProject.js';
// `planCreate` / `applyCreate` live at `@slipway/factory/create`: importing them from here
// would load the template engine into every command that only runs a lifecycle.
export type { ApplyCreateOptions, PlanCreateOptions } from './createProject.js';
export { projectStatus } from './projectStatus.js';
export type { ProjectStatus } from './projectStatus.js';
export { stopProject } from './stopProject.js';
export { removeInstances } from './removeInstances.js';
export { createLocalPorts } from './localPorts.js';
export type { LocalPortsOptions } from './localPorts.js';
export type { InstanceControl, ProjectPorts, RuntimePorts, SecretsSource } from './ports.js';
export { createDeferredRunStore } from './deferredRunStore.js';
export type { DeferredRunStore } from './deferredRunStore.js';
