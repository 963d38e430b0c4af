// Merging and splitting incidents over a real SQLite store: the records, the constraints, the audit, and later ingestion.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadExtractionContext, loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { fileSource } from "../../src/adapters/sources/file-source.js";
import { auditEntries } from "../../src/application/audit-trail.js";
import { ingest } from "../../src/application/ingest.js";
import { mergeIncidents } from "../../src/application/merge-incidents.js";
import { recordPosition } from "../../src/application/record-position.js";
import { splitIncident } from "../../src/application/split-incident.js";
import { Correlator } from "../../src/domain/correlation/engine.js";
import type { Incident, LinkConstraint } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import { errorCatalogue, isTruceError, type TruceErrorCode } from "../../src/errors.js";
import type { Store } from "../../src/ports/store.js";
import { counts, seedIncident, type TempStore, TestClock, tempStore } from "./decision-fixtures.js";

const agreements = loadShippedAgreements();
const pairs = (cs: readonly LinkConstraint[]) =>
  cs.map((c) => `${c.kind} ${[c.reportA, c.reportB].sort().join(" ")} by ${c.decidedBy}`).sort();
const pair = (kind: LinkConstraint["kind"], a: string, b: string, by: string) =>
  `${kind} ${[a, b].sort().join(" ")} by ${by}`;

async function refused(
  store: Store,
  incidents: readonly Incident[],
  code: TruceErrorCode,
  call: () => Promise<unknown>,
  message?: RegExp,
): Promise<void> {
  const ids = incidents.map((i) => i.id);
  const reportIds = incidents.flatMap((i) => i.reportIds);
  const before = await counts(store, ids, reportIds);
  const stored = await store.incidents.byIds(ids);
  await assert.rejects(call, (error: unknown) => {
    assert.ok(isTruceError(error), `a TruceError, not ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.exitCode, errorCatalogue[code].exit);
    if (message) assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(await counts(store, ids, reportIds), before, "the store is unchanged");
  assert.deepEqual(await store.incidents.byIds(ids), stored, "the incidents are unchanged");
}

describe("merge and split", () => {
  let temp: TempStore;
  let store: Store;
  const clock = new TestClock("2017-01-05T09:00:00.000Z");
  const deps = () => ({ store, agreements, now: clock.now });

  before(async () => {
    temp = await tempStore();
    store = temp.store;
  });
  after(() => temp.dispose());

  it("merges B into A: all reports in A, must-links across, A recomputed, B gone, one audit entry", async () => {
    const { incident: a, reports: ar } = await seedIncident(store, [
      { killed: 3 },
      { killed: 4, source: "SOHR" },
    ]);
    const { incident: b, reports: br } = await seedIncident(store, [
      { killed: 10, perpetrator: "SY-OPP", source: "Hawar", location: "Ain al-Fijah" },
    ]);
    const outcome = await mergeIncidents(deps(), { into: a.id, from: b.id, by: "analyst-1" });

    const merged = await store.incidents.get(a.id);
    assert.deepEqual(
      merged?.reportIds,
      [...ar, ...br].map((r) => r.id),
    );
    assert.deepEqual(merged?.perpetrators, ["SY-GOV", "SY-OPP"], "disagreeing sources are kept side by side");
    assert.equal(merged?.killed?.high, 10);
    assert.equal(await store.incidents.get(b.id), null);
    assert.deepEqual(outcome.moved, [br[0]?.id]);

    const b1 = br[0]?.id as string;
    assert.deepEqual(
      pairs(await store.linkConstraints.forReports([b1])),
      ar.map((r) => pair("must_link", r.id, b1, "analyst-1")).sort(),
    );
    const entry = (await auditEntries(store)).at(-1);
    assert.equal(entry?.kind, "incident_merged");
    assert.equal(entry?.subjectId, a.id);
    assert.equal(entry?.payload.retired, b.id);
    assert.equal(entry?.payload.decidedBy, "analyst-1");
    assert.equal(entry?.payload.mustLinks, 2);
  });

  it("refuses to merge away a judged incident, an incident into itself, or an unknown one", async () => {
    const { incident: a } = await seedIncident(store);
    const { incident: b } = await seedIncident(store);
    await recordPosition(
      { store, agreements, now: clock.now },
      { incidentId: b.id, guarantor: "RU", position: "no_violation", party: null, rationale: "no", by: "o" },
    );
    const judged = (await store.incidents.get(b.id)) as Incident;
    await refused(
      store,
      [a, judged],
      "TRUCE_E_MERGE_REFUSED",
      () => mergeIncidents(deps(), { into: a.id, from: b.id, by: "x" }),
      new RegExp(`1 position.*truce merge ${b.id} ${a.id}`),
    );
    await refused(store, [a], "TRUCE_E_MERGE_REFUSED", () =>
      mergeIncidents(deps(), { into: a.id, from: a.id, by: "x" }),
    );
    await refused(store, [a], "TRUCE_E_INCIDENT_NOT_FOUND", () =>
      mergeIncidents(deps(), { into: a.id, from: "no-such-incident", by: "x" }),
    );
    // The other way round is fine: the judged incident keeps its id, positions and verdicts.
    await mergeIncidents(deps(), { into: b.id, from: a.id, by: "x" });
    assert.equal((await store.positions.byIncident(b.id)).length, 1);
    assert.equal((await store.incidents.get(b.id))?.reportIds.length, 2);
  });

  it("splits reports off into a new incident with cannot-links across the cut and must-links among them", async () => {
    const { incident, reports } = await seedIncident(store, [{}, { source: "SOHR" }, { source: "Hawar" }]);
    const [r1, r2, r3] = reports.map((r) => r.id) as [string, string, string];
    // An eight-character start of an id, as views print them, names the report.
    const outcome = await splitIncident(deps(), {
      incidentId: incident.id,
      reportIds: [r2.slice(0, 8), r3],
      by: "analyst-2",
    });
    assert.deepEqual((await store.incidents.get(incident.id))?.reportIds, [r1]);
    const created = await store.incidents.get(outcome.created.id);
    assert.deepEqual(created?.reportIds, [r2, r3]);
    assert.equal(created?.status, "open");
    assert.deepEqual(
      pairs(await store.linkConstraints.forReports([r1, r2, r3])),
      [
        pair("cannot_link", r1, r2, "analyst-2"),
        pair("cannot_link", r1, r3, "analyst-2"),
        pair("must_link", r2, r3, "analyst-2"),
      ].sort(),
    );
    const entry = (await auditEntries(store)).at(-1);
    assert.equal(entry?.kind, "incident_split");
    assert.deepEqual(entry?.payload, {
      incident: incident.id,
      created: outcome.created.id,
      kept: [r1],
      moved: [r2, r3],
      cannotLinks: 2,
      mustLinks: 1,
      decidedBy: "analyst-2",
    });
  });

  it("refuses splitting off none or all of the reports, or reports of another incident", async () => {
    const { incident, reports } = await seedIncident(store, [{}, { source: "SOHR" }]);
    const { reports: elsewhere } = await seedIncident(store);
    const split = (reportIds: string[], incidentId = incident.id) =>
      splitIncident(deps(), { incidentId, reportIds, by: "x" });
    await refused(store, [incident], "TRUCE_E_SPLIT_REFUSED", () => split([]), /name the reports/);
    await refused(
      store,
      [incident],
      "TRUCE_E_SPLIT_REFUSED",
      () => split(reports.map((r) => r.id)),
      /at least one must stay/,
    );
    const stranger = elsewhere[0]?.id as string;
    await refused(store, [incident], "TRUCE_E_SPLIT_REFUSED", () => split([stranger]), new RegExp(stranger));
    await refused(store, [incident], "TRUCE_E_INCIDENT_NOT_FOUND", () =>
      split([stranger], "no-such-incident"),
    );
  });
});

describe("later ingestion honours merges and splits", () => {
  let temp: TempStore;
  let store: Store;
  let dir: string;
  const clock = new TestClock("2017-02-15T00:00:00.000Z");
  let run: (file: string, outlet: string, text: string) => Promise<void>;
  const article = (outlet: string, text: string) =>
    JSON.stringify({ url: null, title: null, published: "2017-02-14", outlet, language: "en", text });
  const wire =
    "BEIRUT, Feb 14 — Government forces shelled the rebel-held town of Kafr Batna in the Eastern Ghouta on Monday, killing four civilians, a war monitor said.";

  before(async () => {
    temp = await tempStore();
    store = temp.store;
    dir = mkdtempSync(join(tmpdir(), "truce-honour-"));
    const extraction = await loadExtractionContext({});
    run = async (file, outlet, text) => {
      writeFileSync(join(dir, file), article(outlet, text));
      const summary = await ingest([fileSource([join(dir, file)])], {
        store,
        extraction,
        agreements,
        now: clock.now,
      });
      assert.equal(summary.documentsNew, 1, `${file} is ingested`);
    };
  });
  after(async () => {
    await temp.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const incidentOf = async (reportId: string): Promise<Incident> => {
    const all = (await store.incidents.list({ limit: 1000 })).items;
    const found = all.find((i) => i.reportIds.includes(reportId));
    assert.ok(found, `report ${reportId} is in an incident`);
    return found;
  };
  const reportsOf = async (outlet: string): Promise<Report> => {
    const all = (await store.incidents.list({ limit: 1000 })).items.flatMap((i) => i.reportIds);
    const found = (await store.reports.byIds(all)).find((r) => r.source === outlet);
    assert.ok(found, `a report from ${outlet}`);
    return found;
  };
  /** Every stored report correlated afresh, in the order received, under the stored human decisions. */
  const recorrelated = async (): Promise<Correlator> => {
    const ids = (await store.incidents.list({ limit: 1000 })).items.flatMap((i) => i.reportIds);
    const reports = (await store.reports.byIds(ids)).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    const correlator = new Correlator({ constraints: await store.linkConstraints.forReports(ids) });
    for (const r of reports) correlator.add(r);
    return correlator;
  };

  it("keeps a split apart when a near-identical document arrives, and merges stay merged", async () => {
    await run("wire.json", "Reuters", wire);
    await run(
      "activists.json",
      "SOHR",
      "Activists in Kafr Batna said on Monday that regime artillery hit the town's market, killing five people, in what they called a flagrant breach of the truce.",
    );
    await run(
      "province.json",
      "AFP",
      "Government shelling killed four people in Rif Dimashq province on Monday, a monitor said.",
    );
    const reuters = await reportsOf("Reuters");
    const afp = await reportsOf("AFP");
    const together = await incidentOf(reuters.id);
    assert.equal(together.reportIds.length, 3, "the machine puts the province-level report with the town's");

    // A human says the province-level report is another event.
    await splitIncident(
      { store, agreements, now: clock.now },
      { incidentId: together.id, reportIds: [afp.id], by: "analyst" },
    );
    await run("reprint.json", "Asharq", `${wire} The truce has held elsewhere.`);
    const asharq = await reportsOf("Asharq");
    assert.equal((await incidentOf(asharq.id)).id, together.id, "the reprint joins the town's incident");
    assert.notEqual(
      (await incidentOf(afp.id)).id,
      together.id,
      "the split holds: the vague report stays apart",
    );
    const fresh = await recorrelated();
    assert.notEqual(fresh.incidentOf(afp.id), fresh.incidentOf(reuters.id), "and would hold from scratch");

    // The human changes its mind: the later decision wins, and ingestion keeps the merge.
    const apart = await incidentOf(afp.id);
    await mergeIncidents(
      { store, agreements, now: clock.now },
      { into: together.id, from: apart.id, by: "analyst" },
    );
    await run("reprint-2.json", "Enab Baladi", `${wire} Rescue workers searched the rubble.`);
    const merged = await incidentOf(afp.id);
    assert.equal(merged.id, together.id);
    for (const outlet of ["Reuters", "SOHR", "Asharq"]) {
      assert.equal(
        (await incidentOf((await reportsOf(outlet)).id)).id,
        merged.id,
        `${outlet} is still in the merged incident`,
      );
    }
    assert.equal(await store.incidents.get(apart.id), null);
    const again = await recorrelated();
    assert.equal(again.incidentOf(afp.id), again.incidentOf(reuters.id), "the merge would hold from scratch");
  });
});
