// Migration 0002: which stored documents have been read (so a queued document is read once) and the dead letters.
//
// Reading is recorded apart from storing because, with a queue, a document is stored as received when it is
// enqueued and read later by a worker; the read marker commits with the reports, so it is the proof of reading.
import { type Kysely, sql } from "kysely";
import { engineTypes } from "./0001-initial.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const { text } = engineTypes(db);
  await db.schema
    .createTable("document_reads")
    .addColumn("document_id", text, (c) => c.primaryKey().references("documents.id"))
    .addColumn("read_at", text, (c) => c.notNull())
    .execute();
  // Every document stored before this migration was read in the transaction that stored it.
  await sql`insert into document_reads (document_id, read_at) select id, received_at from documents`.execute(
    db,
  );

  // Not audited: a failure to read is an operational fact, not a decision; the document itself is audited.
  await db.schema
    .createTable("dead_letters")
    .addColumn("document_id", text, (c) => c.primaryKey().references("documents.id"))
    .addColumn("error", text, (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("failed_at", text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("dead_letters").execute();
  await db.schema.dropTable("document_reads").execute();
}
