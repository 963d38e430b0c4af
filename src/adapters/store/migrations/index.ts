// The migrations, listed in code rather than found by scanning a folder, so that they run the same from dist/.
import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator } from "kysely";
import { TruceError } from "../../../errors.js";
import type { Database } from "../schema.js";
import * as m0001 from "./0001-initial.js";
import * as m0002 from "./0002-ingestion.js";
import * as m0003 from "./0003-linking.js";
import * as m0004 from "./0004-accounts.js";
import * as m0005 from "./0005-incident-access.js";
import * as m0006 from "./0006-shading-index.js";
import * as m0007 from "./0007-audit-tree-edge.js";
import * as m0008 from "./0008-updates-index.js";

/** Names sort in the order they run; a name, once released, is never changed or reused. */
const migrations: Readonly<Record<string, Migration>> = {
  "0001-initial": m0001,
  "0002-ingestion": m0002,
  "0003-linking": m0003,
  "0004-accounts": m0004,
  "0005-incident-access": m0005,
  "0006-shading-index": m0006,
  "0007-audit-tree-edge": m0007,
  "0008-updates-index": m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};

/** Every migration, in the order they run. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

export const latestMigration = migrationNames.at(-1) ?? "";

/**
 * Brings the database to the latest schema and returns the migrations it applied (none when already there).
 * `schema`: on PostgreSQL, the schema that holds Truce's tables and the migrator's own.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<readonly string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r: MigrationResult) => r.status === "Error")?.migrationName;
    const detail = error instanceof Error ? error.message : String(error);
    throw new TruceError(
      "TRUCE_E_DB_MIGRATION",
      failed === undefined
        ? `the database could not be migrated: ${detail}`
        : `migration ${failed} failed, nothing of it was applied: ${detail}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
