export { createTestDatabase, withDatabaseName } from './createTestDatabase.js';
export type { TestDatabase } from './createTestDatabase.js';
export { readJsonLine, spawnTypeScript } from './spawnTypeScript.js';
export type { SpawnTypeScriptOptions } from './spawnTypeScript.js';
