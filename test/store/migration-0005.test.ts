// Migration 0005 on a database that already holds incidents: their complainants, point and accused are filled
// from their reports and verdicts, so an old database reads as one built after the migration.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { Migrator } from "kysely";
import { migrationProvider } from "../../src/adapters/store/migrations/index.js";
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
  const judged = incident({ reportIds: [press.id, precise.id, observed.id] });
  const unplaced = incident({ reportIds: [vague.id] });
  const first = verdict(judged.id, { attributedParty: "SY-GOV" });
  const second = verdict(judged.id, {
    attributedParty: "SY-OPP",
    supersedes: first.id,
    at: "2017-01-05T00:00:00.000Z",
  });
  const cleared = incident({ reportIds: [] });
  const clearedFirst = verdict(cleared.id, { attributedParty: "SY-GOV" });
  const clearedLater = verdict(cleared.id, {
    outcome: "no_violation",
    attributedParty: null,
    supersedes: clearedFirst.id,
    at: "2017-01-05T00:00:00.000Z",
  });

  // Rows as the schema before 0005 held them.
  await db
    .insertInto("documents")
    .values({ ...rowOf(doc), minhash: null })
    .execute();
  for (const r of [press, precise, observed, vague]) {
    await db
      .insertInto("reports")
      .values({
        id: r.id,
        document_id: r.documentId,
        source: r.source,
        copy_group: r.copyGroup,
        date: r.date,
        date_end: r.dateEnd,
        date_precision: r.datePrecision,
        country: r.country,
        admin1: r.admin1,
        location: r.location,
        lat: r.lat,
        lon: r.lon,
        geo_precision: r.geoPrecision,
        event_type: r.eventType,
        sub_event_type: r.subEventType,
        perpetrator: r.perpetrator,
        target: r.target,
        killed: r.killed,
        kind: r.kind,
        spans: "[]",
        summary: r.summary,
        created_at: r.createdAt,
      } as never)
      .execute();
  }
  for (const i of [judged, unplaced, cleared]) {
    await db
      .insertInto("incidents")
      .values({
        id: i.id,
        report_ids: JSON.stringify(i.reportIds),
        date: i.date,
        date_key: i.date ?? "",
        admin1: i.admin1,
        country: i.country,
        location: i.location,
        event_type: i.eventType,
        sub_event_type: i.subEventType,
        perpetrators: JSON.stringify(i.perpetrators),
        killed_low: null,
        killed_best: null,
        killed_high: null,
        classification: i.classification,
        grade: i.grade,
        status: "decided",
        updated_at: i.updatedAt,
      } as never)
      .execute();
  }
  for (const v of [first, second, clearedFirst, clearedLater]) {
    await db
      .insertInto("verdicts")
      .values({
        id: v.id,
        incident_id: v.incidentId,
        outcome: v.outcome,
        attributed_party: v.attributedParty,
        rule: v.rule,
        position_ids: "[]",
        supersedes: v.supersedes,
        reply_by: v.replyBy,
        at: v.at,
      })
      .execute();
  }
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

function rowOf(d: ReturnType<typeof document>) {
  return {
    id: d.id,
    source: d.source,
    channel: d.channel,
    origin: d.origin,
    received_at: d.receivedAt,
    content_hash: d.contentHash,
    content_type: d.contentType,
    body: d.body,
    title: d.title,
    published: d.published,
  };
}
