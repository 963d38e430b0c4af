// Publication, exports, statistics and bulletins on PostgreSQL give what they give on SQLite: the same scenario
// on both engines, compared. Skipped without TRUCE_TEST_PG_URL on a developer's machine; fails in CI.
import assert from "node:assert/strict";
import { text } from "node:stream/consumers";
import { it } from "node:test";
import { composeBulletin } from "../../src/application/publication/bulletin/compose-bulletin.js";
import { complianceStatistics } from "../../src/application/publication/compliance-statistics.js";
import { exportIncidents } from "../../src/application/publication/exports/export-incidents.js";
import { publishDue } from "../../src/application/publication/publish-due.js";
import { anonymous } from "../../src/domain/access/principal.js";
import { postgresSuite } from "../store/postgres-schemas.js";
import { admin, type Seeded, seededStore, shipped } from "./fixtures.js";

/** What the scenario yields, with the random incident ids replaced by their fixture names. */
async function outcome(seeded: Seeded) {
  const agreements = [shipped("syria-2016"), shipped("minsk-2015")];
  const published: string[] = [];
  for (const a of agreements)
    published.push(...(await publishDue(seeded.store, a, "2017-01-10T00:00:00.000Z")).published);
  const named = (s: string) =>
    Object.entries(seeded.ids).reduce((out, [name, id]) => out.replaceAll(id, name), s);
  const csv = await text(
    exportIncidents(
      seeded.store,
      "acled",
      anonymous,
      {},
      { agreements, now: () => "2017-01-11T00:00:00.000Z" },
    ).body,
  );
  const stats = await complianceStatistics(seeded.store, { from: "2017-01-01", to: "2017-01-10" }, admin);
  const bulletin = await composeBulletin(
    seeded.store,
    agreements[0] as (typeof agreements)[0],
    { period: "weekly", date: "2017-01-04" },
    anonymous,
    {
      now: () => "2017-01-11T00:00:00.000Z",
    },
  );
  return {
    published: published.map(named).sort(),
    csv: named(csv),
    stats,
    bulletin: JSON.parse(named(JSON.stringify({ ...bulletin, checkpoint: null }))),
  };
}

postgresSuite("publication on PostgreSQL", (newSchema) => {
  it("publication, exports, statistics and bulletins: the same on PostgreSQL as on SQLite", async () => {
    const onPostgres = await seededStore(newSchema().spec);
    const onSqlite = await seededStore();
    try {
      const [p, s] = [await outcome(onPostgres), await outcome(onSqlite)];
      assert.deepEqual(p.published, ["aleppo", "avdiivka", "deir", "idlib"]);
      assert.deepEqual(p, s);
    } finally {
      await onPostgres.dispose();
      await onSqlite.dispose();
    }
  });
});
