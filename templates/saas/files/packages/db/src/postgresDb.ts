import pg from "pg";
import type { Db, QueryResult } from "./db.js";

type Queryable = pg.Pool | pg.PoolClient;

function wrap(target: Queryable, transaction: Db["transaction"], close: () => Promise<void>): Db {
  return {
    driver: "postgres",
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string): Promise<void> {
      // A parameterless query uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
    transaction,
    close,
  };
}

export function createPostgresDb(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection emits "error"; unhandled, it would crash the process.
  pool.on("error", (error) => console.error("postgres pool:", error.message));
  const transaction: Db["transaction"] = async (fn) => {
    const client = await pool.connect();
    const nested: Db["transaction"] = () => {
      throw new Error("nested transactions are not supported");
    };
    try {
      await client.query("BEGIN");
      const result = await fn(wrap(client, nested, async () => {}));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };
  return wrap(pool, transaction, () => pool.end());
}
