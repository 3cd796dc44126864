import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, QueryResult } from "./db.js";

type Queryable = PGlite | Transaction;

function wrap(target: Queryable, transaction: Db["transaction"], close: () => Promise<void>): Db {
  return {
    driver: "pglite",
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    transaction,
    close,
  };
}

/** Embedded Postgres (WASM) in `dataDir`, or in memory when it is not given. */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const nested: Db["transaction"] = () => {
    throw new Error("nested transactions are not supported");
  };
  const transaction: Db["transaction"] = (fn) =>
    pglite.transaction((tx) => fn(wrap(tx, nested, async () => {})));
  return wrap(pglite, transaction, () => pglite.close());
}
