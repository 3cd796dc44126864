/** Rows returned by {@link Db.query}. */
export interface QueryResult<Row> {
  rows: Row[];
}

export type DbDriver = "postgres" | "pglite";

/**
 * The only database surface the app and its modules use. The same SQL runs on a
 * Postgres server (node-postgres) and on embedded PGlite, so keep to plain Postgres.
 */
export interface Db {
  readonly driver: DbDriver;
  /** One statement with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
