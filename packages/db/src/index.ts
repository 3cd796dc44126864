export { openDatabase } from './openDatabase.js';
export type { OpenDatabaseOptions, SlipwayDatabase } from './openDatabase.js';
export { applyMigrations } from './applyMigrations.js';
export { defaultDataDir } from './defaultDataDir.js';
export { redactedUrl } from './redactedUrl.js';
export * from './schema.js';
export * from './appSchema.js';
export type { EmbeddedStatus } from './embedded/superviseCluster.js';
