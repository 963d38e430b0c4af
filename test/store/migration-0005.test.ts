// Migration 0005 on a database that already holds incidents: their complainants, point and accused are filled
// from their reports and verdicts, so an old database reads as one built after the migration.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { type Kysely, Migrator, sql } from "kysely";
import { migrationProvider } from "../../src/adapters/store/migrations/index.js";
import { documentRow } from "../../src/adapters/store/repositories/documents.js";
import { incidentRow } from "../../src/adapters/store/repositories/incidents.js";
import { reportRow } from "../../src/adapters/store/repositories/reports.js";
import { verdictRow } from "../../src/adapters/store/repositories/verification.js";
import type { Database } from "../../src/adapters/store/schema.js";
import { openSqliteStore, sqliteKysely } from "../../src/adapters/store/sqlite/open-sqlite.js";
import { document, incident, report, verdict } from "./fixtures.js";

const folder = mkdtempSync(join(tmpdir(), "truce-migration-"));
after(() => rmSync(folder, { recursive: true, force: true }));

it("fills complainants, the best point and the accused of incidents stored before migration 0005", async () => {
  const file = join(folder, "old.db");
  const db = sqliteKysely(file);
  const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo("0004-accounts");
  assert.equal(migrated.error, undefined);

  const doc = document();
  const press = report(doc.id, { kind: "press", source: "SANA", lat: 33.6, lon: 36.2, geoPrecision: 2 });
  const precise = report(doc.id, {
    kind: "complaint",
    source: "SY-OPP",
    lat: 33.63,
    lon: 36.14,
    geoPrecision: 1,
  });
  const observed = report(doc.id, {
    kind: "observation",
    source: "RU",
    lat: null,
    lon: null,
    geoPrecision: 1,
  });
  const vague = report(doc.id, { kind: "press", lat: null, lon: null });
  const judged = incident({ reportIds: [press.id, precise.id, observed.id], status: "decided" });
  const unplaced = incident({ reportIds: [vague.id], status: "decided" });
  const first = verdict(judged.id, { attributedParty: "SY-GOV" });
  const second = verdict(judged.id, {
    attributedParty: "SY-OPP",
    supersedes: first.id,
    at: "2017-01-05T00:00:00.000Z",
  });
  const cleared = incident({ reportIds: [], status: "decided" });
  const clearedFirst = verdict(cleared.id, { attributedParty: "SY-GOV" });
  const clearedLater = verdict(cleared.id, {
    outcome: "no_violation",
    attributedParty: null,
    supersedes: clearedFirst.id,
    at: "2017-01-05T00:00:00.000Z",
  });

  // Rows as the repositories write them, cut to the columns the schema held before 0005.
  await insertAsOf0004(db, "documents", [documentRow(doc)]);
  await insertAsOf0004(db, "reports", [press, precise, observed, vague].map(reportRow));
  await insertAsOf0004(db, "incidents", [judged, unplaced, cleared].map(incidentRow));
  await insertAsOf0004(db, "verdicts", [first, second, clearedFirst, clearedLater].map(verdictRow));
  await db.destroy();

  const store = await openSqliteStore(file);
  try {
    const after0005 = await store.incidents.get(judged.id);
    assert.deepEqual(after0005?.complainants, ["RU", "SY-OPP"]);
    assert.deepEqual([after0005?.lat, after0005?.lon], [33.63, 36.14], "the most precise report's point");
    assert.equal(after0005?.accused, "SY-OPP", "the verdict in force, not the superseded one");
    assert.equal(after0005?.coordinatesRestricted, false);
    assert.equal(after0005?.publishedAt, null);
    const none = await store.incidents.get(unplaced.id);
    assert.deepEqual([none?.complainants, none?.lat, none?.lon, none?.accused], [[], null, null, null]);
    assert.equal(
      (await store.incidents.get(cleared.id))?.accused,
      null,
      "a later verdict of no violation clears it",
    );
    // The complainants' table is filled too: the parties see their complaints' incidents.
    assert.ok(await store.incidents.get(judged.id, { scope: "party", party: "SY-OPP" }));
    assert.equal(await store.incidents.get(judged.id, { scope: "party", party: "SY-GOV" }), null);
  } finally {
    await store.close();
  }
});

/**
 * Inserts rows, each as its repository's mapper writes it, keeping only the columns the table has in the
 * database as it stands: what 0005 adds (an incident's point, complainants, accused…) is left for it to fill.
 */
async function insertAsOf0004(
  db: Kysely<Database>,
  table: "documents" | "reports" | "incidents" | "verdicts",
  rows: readonly object[],
): Promise<void> {
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  const kept = new Set(columns.rows.map((c) => c.name));
  assert.ok(kept.size > 0, `no table ${table}`);
  for (const row of rows) {
    const old = Object.fromEntries(Object.entries(row).filter(([column]) => kept.has(column)));
    // The typed tables are the latest schema's; these rows are an older one's, checked by the database itself.
    await db
      .insertInto(table)
      .values(old as never)
      .execute();
  }
}
