// Migration 0003: what linking a report into a large store needs: each document's MinHash signature, and
// indexes that give the candidate incidents of a window in (date, id) order without sorting.
//
// The signature is of the article text as read (not the raw body), so it is written when the document's reports
// are linked, not when it is stored; documents stored before this migration have none until then, and linking
// computes a missing one from the document (see src/application/link-reports.ts).
import type { Kysely } from "kysely";
import { engineTypes } from "./0001-initial.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const { postgres } = engineTypes(db);
  await db.schema
    .alterTable("documents")
    .addColumn("minhash", postgres ? "bytea" : "blob")
    .execute();
  // Candidates are read in (date, id) pages: with id in the index, a page is one index range, no sort of ties.
  await db.schema
    .createIndex("incidents_by_place_date_id")
    .on("incidents")
    .columns(["admin1", "date", "id"])
    .execute();
  await db.schema.dropIndex("incidents_by_place_date").execute();
  await db.schema.createIndex("incidents_by_date_id").on("incidents").columns(["date", "id"]).execute();
  await db.schema.dropIndex("incidents_by_date").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("incidents_by_date").on("incidents").columns(["date"]).execute();
  await db.schema.dropIndex("incidents_by_date_id").execute();
  await db.schema
    .createIndex("incidents_by_place_date")
    .on("incidents")
    .columns(["admin1", "date"])
    .execute();
  await db.schema.dropIndex("incidents_by_place_date_id").execute();
  await db.schema.alterTable("documents").dropColumn("minhash").execute();
}
