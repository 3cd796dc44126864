export { buildServer } from './buildServer.js';
export type { BuildServerOptions, BuiltServer } from './buildServer.js';
export { SERVER_ROLES, servesApi, runsWorkers } from './serverRole.js';
export type { ServerRole } from './serverRole.js';
export type { SlipwayApp } from './http/slipwayApp.js';
