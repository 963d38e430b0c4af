// Opens the store a `--db` value names: a postgres:// URL, or else a SQLite file path.
import { TruceError } from "../../errors.js";
import type { Store, StoreEngine } from "../../ports/store.js";
import { migrateToLatest } from "./migrations/index.js";
import {
  openPostgresStore,
  parsePostgresUrl,
  postgresKysely,
  preparePostgres,
} from "./postgres/open-postgres.js";
import { openSqliteStore, sqliteKysely } from "./sqlite/open-sqlite.js";

export function engineOf(spec: string): StoreEngine {
  if (/^postgres(ql)?:\/\//i.test(spec)) return "postgres";
  // Any other URL scheme is a mistake (mysql://, http://), not a file name to create.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec);
  if (scheme !== null)
    throw new TruceError(
      "TRUCE_E_DB_SPEC",
      `--db ${scheme[1]}:// is not supported: give a SQLite file path or a postgres:// URL`,
    );
  if (spec.trim() === "")
    throw new TruceError("TRUCE_E_DB_SPEC", "--db is empty: give a SQLite file path or a postgres:// URL");
  return "sqlite";
}

/** Opens the database and brings its schema up to date (migrations run on every open; a no-op when current). */
export function openStore(spec: string): Promise<Store> {
  return engineOf(spec) === "postgres" ? openPostgresStore(spec) : openSqliteStore(spec);
}

/** Brings the database's schema up to date and says which migrations that took: `truce migrate`. */
export async function migrateStore(
  spec: string,
): Promise<{ readonly engine: StoreEngine; readonly applied: readonly string[] }> {
  const engine = engineOf(spec);
  if (engine === "postgres") {
    const target = parsePostgresUrl(spec);
    const db = postgresKysely(target, 1);
    try {
      return { engine, applied: await preparePostgres(db, target, spec) };
    } finally {
      await db.destroy();
    }
  }
  const db = sqliteKysely(spec);
  try {
    return { engine, applied: await migrateToLatest(db) };
  } finally {
    await db.destroy();
  }
}
