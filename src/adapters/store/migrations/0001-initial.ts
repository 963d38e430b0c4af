// Migration 0001: the first schema (documents, reports, incidents, verification, audit log, feeds) on both engines.
//
// Migrations take `Kysely<unknown>`: they must not depend on today's typed schema, which later migrations change.
// Engine differences stay in here (see `engineTypes`), so the query layer never needs to know the engine.
import { type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely";
import { appendOnlyTables } from "../schema.js";

interface EngineTypes {
  readonly postgres: boolean;
  /** Text compared by bytes on both engines (SQLite's default BINARY collation; "C" on PostgreSQL). */
  readonly text: RawBuilder<unknown> | "text";
  readonly bigint: "bigint" | "integer";
}

export const engineTypes = (db: Kysely<unknown>): EngineTypes => {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    postgres,
    text: postgres ? sql`text collate "C"` : "text",
    bigint: postgres ? "bigint" : "integer",
  };
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const { postgres, text, bigint } = engineTypes(db);
  // The insertion-order key: SQLite's rowid alias, PostgreSQL's identity column.
  const ordTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn("ord", bigint, (c) =>
        postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
      );

  await db.schema
    .createTable("documents")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("source", text, (c) => c.notNull())
    .addColumn("channel", text, (c) => c.notNull())
    .addColumn("origin", text)
    .addColumn("received_at", text, (c) => c.notNull())
    .addColumn("content_hash", text, (c) => c.notNull().unique())
    .addColumn("content_type", text, (c) => c.notNull())
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("title", text)
    .addColumn("published", text)
    .execute();

  await ordTable("reports")
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("document_id", text, (c) => c.notNull().references("documents.id"))
    .addColumn("source", text, (c) => c.notNull())
    .addColumn("copy_group", text, (c) => c.notNull())
    .addColumn("date", text)
    .addColumn("date_end", text)
    .addColumn("date_precision", "integer")
    .addColumn("country", text, (c) => c.notNull())
    .addColumn("admin1", text)
    .addColumn("location", text, (c) => c.notNull())
    .addColumn("lat", "double precision")
    .addColumn("lon", "double precision")
    .addColumn("geo_precision", "integer", (c) => c.notNull())
    .addColumn("event_type", text, (c) => c.notNull())
    .addColumn("sub_event_type", text, (c) => c.notNull())
    .addColumn("perpetrator", text)
    .addColumn("target", text)
    .addColumn("killed", "integer")
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("spans", text, (c) => c.notNull())
    .addColumn("summary", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_by_document").on("reports").columns(["document_id", "ord"]).execute();

  await db.schema
    .createTable("incidents")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("report_ids", text, (c) => c.notNull())
    .addColumn("date", text)
    .addColumn("date_key", text, (c) => c.notNull())
    .addColumn("admin1", text)
    .addColumn("country", text, (c) => c.notNull())
    .addColumn("location", text, (c) => c.notNull())
    .addColumn("event_type", text, (c) => c.notNull())
    .addColumn("sub_event_type", text, (c) => c.notNull())
    .addColumn("perpetrators", text, (c) => c.notNull())
    .addColumn("killed_low", "integer")
    .addColumn("killed_best", "integer")
    .addColumn("killed_high", "integer")
    .addColumn("classification", text, (c) => c.notNull())
    .addColumn("grade", text, (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  // Correlation asks "dated in this window, in these governorates" for every new report: admin1 first, then date.
  await db.schema
    .createIndex("incidents_by_place_date")
    .on("incidents")
    .columns(["admin1", "date"])
    .execute();
  await db.schema.createIndex("incidents_by_date").on("incidents").columns(["date"]).execute();
  // Keyset pages walk these in both directions.
  await db.schema.createIndex("incidents_by_date_key").on("incidents").columns(["date_key", "id"]).execute();
  await db.schema.createIndex("incidents_by_updated").on("incidents").columns(["updated_at", "id"]).execute();
  await db.schema
    .createIndex("incidents_by_status")
    .on("incidents")
    .columns(["status", "date_key"])
    .execute();

  await db.schema
    .createTable("incident_parties")
    .addColumn("incident_id", text, (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("party", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_parties_pk", ["incident_id", "party"])
    .execute();
  await db.schema
    .createIndex("incident_parties_by_party")
    .on("incident_parties")
    .columns(["party", "incident_id"])
    .execute();

  await ordTable("link_constraints")
    .addColumn("kind", text, (c) => c.notNull().check(sql`kind in ('must_link', 'cannot_link')`))
    .addColumn("report_a", text, (c) => c.notNull().references("reports.id"))
    .addColumn("report_b", text, (c) => c.notNull().references("reports.id"))
    .addColumn("decided_by", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("link_constraints_by_a").on("link_constraints").column("report_a").execute();
  await db.schema.createIndex("link_constraints_by_b").on("link_constraints").column("report_b").execute();

  await ordTable("positions")
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("incident_id", text, (c) => c.notNull().references("incidents.id"))
    .addColumn("guarantor", text, (c) => c.notNull())
    .addColumn("position", text, (c) => c.notNull())
    .addColumn("party", text)
    .addColumn("rationale", text, (c) => c.notNull())
    .addColumn("recorded_by", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("positions_by_incident")
    .on("positions")
    .columns(["incident_id", "ord"])
    .execute();

  await ordTable("verdicts")
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("incident_id", text, (c) => c.notNull().references("incidents.id"))
    .addColumn("outcome", text, (c) => c.notNull())
    .addColumn("attributed_party", text)
    .addColumn("rule", text, (c) => c.notNull())
    .addColumn("position_ids", text, (c) => c.notNull())
    // Unique: a verdict is superseded at most once, so an incident's verdicts form one chain.
    .addColumn("supersedes", text, (c) => c.unique().references("verdicts.id"))
    .addColumn("reply_by", text)
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("verdicts_by_incident")
    .on("verdicts")
    .columns(["incident_id", "ord"])
    .execute();
  // …and the chain has one start: two first verdicts for one incident (a race) are refused, not both kept.
  await db.schema
    .createIndex("verdicts_one_first")
    .on("verdicts")
    .column("incident_id")
    .unique()
    .where(sql.ref("supersedes"), "is", null)
    .execute();

  await ordTable("replies")
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("incident_id", text, (c) => c.notNull().references("incidents.id"))
    .addColumn("verdict_id", text, (c) => c.notNull().references("verdicts.id"))
    .addColumn("party", text, (c) => c.notNull())
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("replies_by_incident").on("replies").columns(["incident_id", "ord"]).execute();

  await db.schema
    .createTable("audit_entries")
    .addColumn("seq", bigint, (c) => c.primaryKey().check(sql`seq >= 0`))
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("subject_id", text, (c) => c.notNull())
    .addColumn("payload", text, (c) => c.notNull())
    .addColumn("payload_hash", text, (c) => c.notNull())
    .addColumn("leaf_hash", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_entries_by_subject")
    .on("audit_entries")
    .columns(["subject_id", "seq"])
    .execute();

  await ordTable("audit_checkpoints")
    .addColumn("tree_size", bigint, (c) => c.notNull())
    .addColumn("root_hash", text, (c) => c.notNull())
    .addColumn("signature", text, (c) => c.notNull())
    .addColumn("key_id", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_checkpoints_by_size")
    .on("audit_checkpoints")
    .columns(["tree_size", "ord"])
    .execute();

  await db.schema
    .createTable("feeds")
    .addColumn("url", text, (c) => c.primaryKey())
    .addColumn("etag", text)
    .addColumn("last_modified", text)
    .addColumn("checked_at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("feed_items")
    .addColumn("feed_url", text, (c) => c.notNull())
    .addColumn("item_key", text, (c) => c.notNull())
    .addColumn("document_id", text, (c) => c.references("documents.id"))
    .addColumn("read_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("feed_items_pk", ["feed_url", "item_key"])
    .execute();

  await refuseChanges(db, postgres);
}

/** Name of the trigger that keeps `table` append-only (a tamper test drops it to play the intruder). */
export const appendOnlyTrigger = (table: string, event: "update" | "delete" | "truncate"): string =>
  `${table}_append_only_${event}`;

/** The message the database raises; the store recognises it to report TRUCE_E_STORE_IMMUTABLE. */
export const APPEND_ONLY_MESSAGE = "is append-only";

async function refuseChanges(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  if (postgres) {
    await sql`
      create function truce_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% ${sql.raw(APPEND_ONLY_MESSAGE)}: % refused', tg_table_name, tg_op
          using errcode = 'integrity_constraint_violation';
      end
      $$`.execute(db);
  }
  for (const table of appendOnlyTables) {
    if (postgres) {
      // Row triggers for UPDATE and DELETE; TRUNCATE skips row triggers, so it gets a statement trigger.
      for (const event of ["update", "delete"] as const) {
        await sql`create trigger ${sql.id(appendOnlyTrigger(table, event))} before ${sql.raw(event)} on ${sql.table(table)}
          for each row execute function truce_refuse_change()`.execute(db);
      }
      await sql`create trigger ${sql.id(appendOnlyTrigger(table, "truncate"))} before truncate on ${sql.table(table)}
        for each statement execute function truce_refuse_change()`.execute(db);
    } else {
      for (const event of ["update", "delete"] as const) {
        const message = `${table} ${APPEND_ONLY_MESSAGE}: ${event.toUpperCase()} refused`;
        await sql`create trigger ${sql.id(appendOnlyTrigger(table, event))} before ${sql.raw(event)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
      }
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { postgres } = engineTypes(db);
  for (const table of [
    "feed_items",
    "feeds",
    "audit_checkpoints",
    "audit_entries",
    "replies",
    "verdicts",
    "positions",
    "link_constraints",
    "incident_parties",
    "incidents",
    "reports",
    "documents",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (postgres) await sql`drop function truce_refuse_change()`.execute(db);
}
