// Migration 0008: the Atom feed's query, the latest published incidents by update (`status = 'published' order by
// updated_at desc, id desc`), as one range of an index in order. Without it both engines took every published
// incident from a status index and sorted them whole before the first entry (8 s at 1 M on SQLite); over
// (status, updated_at, id) the first page is the range's first rows, and each next page starts at its cursor.
//
// (updated_at, id) from 0001 stays: it serves the same sort over every status, for trusted callers.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("incidents_by_status_updated_id")
    .on("incidents")
    .columns(["status", "updated_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_by_status_updated_id").execute();
}
