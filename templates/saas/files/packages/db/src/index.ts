export type { Db, DbDriver, QueryResult } from "./db.js";
export { createDb, type CreateDbOptions } from "./createDb.js";
export { applySqlDir, type ApplySqlDirOptions, type SqlKind } from "./applySqlDir.js";
