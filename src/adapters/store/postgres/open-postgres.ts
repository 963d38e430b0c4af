// Connects to PostgreSQL (a pg pool) as a migrated Store, in the schema the URL names (`?schema=`, else public).
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { TruceError } from "../../../errors.js";
import type { Store } from "../../../ports/store.js";
import { kyselyStore } from "../kysely-store.js";
import { migrateToLatest } from "../migrations/index.js";
import type { Database } from "../schema.js";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** pg_advisory_xact_lock key that serialises audit appends: any constant, the same in every Truce process. */
const AUDIT_LOCK_KEY = 0x7275636541756469n;
const INT8_OID = 20;

export interface PostgresTarget {
  /** The URL as given, minus Truce's own `schema` parameter (pg does not know it). */
  readonly connectionString: string;
  readonly schema: string;
}

export function parsePostgresUrl(spec: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(spec);
  } catch (error) {
    throw new TruceError("TRUCE_E_DB_SPEC", `"${redact(spec)}" is not a valid postgres:// URL`, {
      cause: error,
    });
  }
  const schema = url.searchParams.get("schema") ?? "public";
  if (!SCHEMA_NAME.test(schema))
    throw new TruceError(
      "TRUCE_E_DB_SPEC",
      `schema "${schema}" must be lower-case letters, digits and underscores, starting with a letter or underscore`,
    );
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}

/** The URL without its password, for messages. */
export const redact = (spec: string): string => spec.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@");

export function postgresKysely(target: PostgresTarget, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: poolSize,
    // Every connection works in the store's schema, so the queries and migrations stay unqualified.
    options: `-c search_path=${target.schema}`,
    // int8 (counts, seq, tree sizes) as numbers: the log would need 2^53 entries to lose precision.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function openPostgresStore(spec: string): Promise<Store> {
  const target = parsePostgresUrl(spec);
  const db = postgresKysely(target);
  try {
    await preparePostgres(db, target, spec);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return kyselyStore(db, {
    engine: "postgres",
    serialiseAuditAppends: async (trx) => {
      await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY.toString()}::bigint)`.execute(trx);
    },
  });
}

/** Reaches the server, creates the schema if the URL names a new one, and migrates it. */
export async function preparePostgres(
  db: Kysely<Database>,
  target: PostgresTarget,
  spec: string,
): Promise<readonly string[]> {
  try {
    await sql`create schema if not exists ${sql.id(target.schema)}`.execute(db);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TruceError("TRUCE_E_DB_UNAVAILABLE", `cannot reach PostgreSQL at ${redact(spec)}: ${detail}`, {
      cause: error,
      subject: redact(spec),
    });
  }
  return migrateToLatest(db, target.schema);
}
