// Opens (creating if need be) a SQLite database file as a migrated Store.
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely } from "kysely";
import { TruceError } from "../../../errors.js";
import type { Store } from "../../../ports/store.js";
import { kyselyStore } from "../kysely-store.js";
import { migrateToLatest } from "../migrations/index.js";
import type { Database } from "../schema.js";
import { withPreparedStatements } from "./prepared-statements.js";
import { TruceSqliteDialect } from "./sqlite-dialect.js";

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

/** The connection, configured: WAL (readers never wait for the writer), foreign keys enforced, durable commits. */
export function connectSqlite(file: string): BetterSqlite3.Database {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first statement that reads the file: a file that is not a database fails here, unchanged.
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    // FULL, not NORMAL: a commit Truce acknowledged survives a power cut too, not only a killed process.
    db.pragma("synchronous = FULL");
    return db;
  } catch (error) {
    db?.close();
    const detail = error instanceof Error ? error.message : String(error);
    throw new TruceError(
      "TRUCE_E_DB_UNAVAILABLE",
      `cannot open SQLite database ${path.resolve(file)}: ${detail}`,
      {
        cause: error,
        subject: file,
      },
    );
  }
}

export function sqliteKysely(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new TruceSqliteDialect({ database: withPreparedStatements(connectSqlite(file)) }),
  });
}

export async function openSqliteStore(file: string): Promise<Store> {
  const db = sqliteKysely(file);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // BEGIN IMMEDIATE already serialises writers, audit appends included.
  return kyselyStore(db, { engine: "sqlite", serialiseAuditAppends: async () => {} });
}
