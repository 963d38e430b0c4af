// Migration 0006: the map's shading (incidents per governorate, of the statuses a reader may see) from a narrow
// index. Counting the published incidents of a million by governorate walked the wide covering index and sorted
// the counts (187 ms on SQLite); over (status, admin1) the rows come grouped and small (23 ms).
//
// One record's audit trail is already one range of `audit_entries_by_subject (subject_id, seq)` (0001), so
// the by-subject read needs no index of its own.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("incidents_by_status_admin1")
    .on("incidents")
    .columns(["status", "admin1"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_by_status_admin1").execute();
}
