// The store contract for reading incidents by role: visibility, the guarantor's queue, tallies, map points and
// complaints with their attachments. Registered by the store contract, so both engines run it unchanged.
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import type { IncidentVisibility } from "../../src/domain/access/principal.js";
import type { Attachment, Complaint } from "../../src/domain/records/complaint.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { IncidentFilter, Store, TallyDimension, TallyRow } from "../../src/ports/store.js";
import { document, incident, position, report } from "./fixtures.js";

const sorted = (items: readonly { readonly id: string }[]) => items.map((i) => i.id).sort();

const published = (over: Partial<Incident> = {}) =>
  incident({ status: "published", publishedAt: "2017-02-01T00:00:00.000Z", ...over });

/**
 * Who sees what: A's unpublished complaint, B's unpublished complaint accusing A, an unpublished press report
 * accusing nobody, a published incident, and one where the verdict accuses B.
 */
async function visibilityWorld(store: Store) {
  const mine = incident({ complainants: ["SY-GOV"], status: "awaiting_positions", date: "2017-01-01" });
  const accusesMe = incident({ complainants: ["SY-OPP"], accused: null, date: "2017-01-02" });
  const theirs = incident({ complainants: ["SY-OPP"], date: "2017-01-03" });
  const pressOnly = incident({ complainants: [], date: "2017-01-04" });
  const open = published({ complainants: ["SY-OPP"], date: "2017-01-05" });
  const againstOpp = incident({
    complainants: ["RU"],
    accused: "SY-OPP",
    status: "decided",
    date: "2017-01-06",
  });
  const againstGov = incident({ complainants: [], accused: "SY-GOV", status: "decided", date: "2017-01-07" });
  const all = [mine, accusesMe, theirs, pressOnly, open, againstOpp, againstGov];
  await store.incidents.upsert(all);
  return { mine, accusesMe, theirs, pressOnly, open, againstOpp, againstGov, all };
}

const gov: IncidentVisibility = { scope: "party", party: "SY-GOV" };
const opp: IncidentVisibility = { scope: "party", party: "SY-OPP" };
const everyone: IncidentVisibility = { scope: "published" };

export function incidentAccessContract(
  engine: string,
  fresh: () => Promise<{ readonly store: Store }>,
): void {
  describe(`${engine} store: incident access`, () => {
    it("round-trips complainants, accused, the point, its restriction and the publication time", async () => {
      const { store } = await fresh();
      const i = incident({
        complainants: ["SY-GOV", "RU"],
        accused: "SY-OPP",
        lat: 35.93,
        lon: 36.63,
        coordinatesRestricted: true,
        status: "published",
        publishedAt: "2017-02-01T00:00:00.000Z",
      });
      const bare = incident({ complainants: [], lat: null, lon: null });
      await store.incidents.upsert([i, bare]);
      assert.deepEqual(await store.incidents.get(i.id), i);
      assert.deepEqual(await store.incidents.get(bare.id), bare);
      // Replaced whole: the complainants' index follows, so the old complainant no longer sees it.
      const changed: Incident = { ...i, complainants: ["SY-OPP"], status: "open", publishedAt: null };
      await store.incidents.upsert([changed]);
      assert.deepEqual(await store.incidents.get(i.id), changed);
      assert.equal(await store.incidents.get(i.id, gov), null);
      assert.deepEqual(await store.incidents.get(i.id, opp), changed);
    });

    it("keeps a report's restricted coordinates, and leaves the flag out of an open report", async () => {
      const { store } = await fresh();
      const doc = document();
      await store.documents.insert(doc);
      const restricted = report(doc.id, { coordinatesRestricted: true, kind: "complaint" });
      const open = report(doc.id);
      await store.reports.insert([restricted, open]);
      assert.deepEqual(await store.reports.get(restricted.id), restricted);
      assert.deepEqual(await store.reports.get(open.id), open);
      assert.equal("coordinatesRestricted" in ((await store.reports.get(open.id)) ?? {}), false);
    });

    it("shows a party its own complaints, those it is accused in and published ones, never another's", async () => {
      const { store } = await fresh();
      const w = await visibilityWorld(store);
      const govSees = [w.mine, w.open, w.againstGov];
      const oppSees = [w.accusesMe, w.theirs, w.open, w.againstOpp];
      assert.deepEqual(sorted((await store.incidents.list({ visibleTo: gov })).items), sorted(govSees));
      assert.deepEqual(sorted((await store.incidents.list({ visibleTo: opp })).items), sorted(oppSees));
      assert.equal(await store.incidents.count({ visibleTo: gov }), govSees.length);
      assert.equal(await store.incidents.count({ visibleTo: opp }), oppSees.length);
      // Another party's unpublished complaint is exactly as if it did not exist.
      assert.equal(await store.incidents.get(w.theirs.id, gov), null);
      assert.equal(await store.incidents.get(randomUUID(), gov), null);
      assert.deepEqual(await store.incidents.get(w.mine.id, gov), w.mine);
      assert.deepEqual(await store.incidents.get(w.againstGov.id, gov), w.againstGov);
      // Visibility narrows the other filters, never widens them.
      const filtered = await store.incidents.list({ visibleTo: gov, status: ["decided", "open"] });
      assert.deepEqual(sorted(filtered.items), sorted([w.againstGov]));
    });

    it("shows the public and observers published incidents only; guarantors everything", async () => {
      const { store } = await fresh();
      const w = await visibilityWorld(store);
      assert.deepEqual(sorted((await store.incidents.list({ visibleTo: everyone })).items), [w.open.id]);
      assert.equal(await store.incidents.count({ visibleTo: everyone }), 1);
      assert.equal(await store.incidents.get(w.mine.id, everyone), null);
      assert.deepEqual(await store.incidents.get(w.open.id, everyone), w.open);
      const all = await store.incidents.list({ visibleTo: { scope: "all" }, limit: 100 });
      assert.deepEqual(sorted(all.items), sorted(w.all));
    });

    it("applies visibility to tallies and map points too", async () => {
      const { store } = await fresh();
      const w = await visibilityWorld(store);
      const total = (rows: readonly TallyRow[]) => rows.reduce((n, r) => n + r.count, 0);
      assert.equal(total(await store.incidents.tally({ visibleTo: everyone }, ["status"])), 1);
      assert.equal(total(await store.incidents.tally({ visibleTo: gov }, ["admin1"])), 3);
      assert.deepEqual(sorted(await store.incidents.points({ visibleTo: everyone }, 100)), [w.open.id]);
      assert.deepEqual(
        sorted(await store.incidents.points({ visibleTo: opp }, 100)),
        sorted([w.accusesMe, w.theirs, w.open, w.againstOpp]),
      );
    });

    it("gives a guarantor its queue: undecided, no position of its own yet, oldest first", async () => {
      const { store } = await fresh();
      const oldest = incident({ date: "2017-01-01", status: "open" });
      const waiting = incident({ date: "2017-01-02", status: "awaiting_positions" });
      const answered = incident({ date: "2016-12-30", status: "awaiting_positions" });
      const othersOnly = incident({ date: "2017-01-03", status: "awaiting_positions" });
      const decided = incident({ date: "2016-12-01", status: "decided" });
      const done = published({ date: "2016-12-02" });
      const undated = incident({ date: null, status: "open" });
      await store.incidents.upsert([oldest, waiting, answered, othersOnly, decided, done, undated]);
      await store.positions.append(position(answered.id, { guarantor: "RU" }));
      await store.positions.append(position(othersOnly.id, { guarantor: "TR" }));
      const queue: IncidentFilter = { awaitingPositionFrom: "RU" };
      const page = await store.incidents.list({ ...queue, sort: "date", order: "asc" });
      assert.deepEqual(
        page.items.map((i) => i.id),
        [undated.id, oldest.id, waiting.id, othersOnly.id],
      );
      assert.equal(await store.incidents.count(queue), 4);
      const forTurkey = await store.incidents.list({
        awaitingPositionFrom: "TR",
        sort: "date",
        order: "asc",
      });
      assert.deepEqual(
        forTurkey.items.map((i) => i.id),
        [undated.id, answered.id, oldest.id, waiting.id],
      );
      // Pages of the queue walk it once, in order.
      const first = await store.incidents.list({ ...queue, sort: "date", order: "asc", limit: 3 });
      assert.ok(first.next !== null);
      const second = await store.incidents.list({ ...queue, sort: "date", order: "asc", after: first.next });
      assert.deepEqual(
        [...first.items, ...second.items].map((i) => i.id),
        page.items.map((i) => i.id),
      );
    });

    it("tallies by each dimension, ordered by keys, nulls first", async () => {
      const { store } = await fresh();
      await store.incidents.upsert([
        // 2017-01-01 is a Sunday: its ISO week began on Monday 2016-12-26.
        incident({ date: "2017-01-01", admin1: "SY-RD", perpetrators: ["SY-GOV", "RU"], accused: "SY-GOV" }),
        incident({ date: "2017-01-02", admin1: "SY-RD", perpetrators: ["SY-GOV"], grade: "corroborated" }),
        incident({
          date: "2017-02-05",
          admin1: "SY-ID",
          perpetrators: [],
          status: "decided",
          eventType: "Battles",
          subEventType: "Armed clash",
        }),
        incident({ date: null, admin1: null, perpetrators: ["SY-OPP"], accused: "SY-OPP" }),
      ]);
      const tally = (by: readonly TallyDimension[], filter: IncidentFilter = {}) =>
        store.incidents.tally(filter, by);
      assert.deepEqual(await tally([]), [{ keys: [], count: 4 }]);
      assert.deepEqual(await tally(["day"]), [
        { keys: [null], count: 1 },
        { keys: ["2017-01-01"], count: 1 },
        { keys: ["2017-01-02"], count: 1 },
        { keys: ["2017-02-05"], count: 1 },
      ]);
      assert.deepEqual(await tally(["week"]), [
        { keys: [null], count: 1 },
        { keys: ["2016-12-26"], count: 1 },
        { keys: ["2017-01-02"], count: 1 },
        { keys: ["2017-01-30"], count: 1 },
      ]);
      assert.deepEqual(await tally(["month"]), [
        { keys: [null], count: 1 },
        { keys: ["2017-01"], count: 2 },
        { keys: ["2017-02"], count: 1 },
      ]);
      assert.deepEqual(await tally(["admin1"]), [
        { keys: [null], count: 1 },
        { keys: ["SY-ID"], count: 1 },
        { keys: ["SY-RD"], count: 2 },
      ]);
      assert.deepEqual(await tally(["status"]), [
        { keys: ["decided"], count: 1 },
        { keys: ["open"], count: 3 },
      ]);
      assert.deepEqual(await tally(["eventType"]), [
        { keys: ["Battles"], count: 1 },
        { keys: ["Explosions/Remote violence"], count: 3 },
      ]);
      assert.deepEqual(await tally(["grade"]), [
        { keys: ["corroborated"], count: 1 },
        { keys: ["single_source"], count: 3 },
      ]);
      assert.deepEqual(await tally(["accused"]), [
        { keys: [null], count: 2 },
        { keys: ["SY-GOV"], count: 1 },
        { keys: ["SY-OPP"], count: 1 },
      ]);
      // Claimed: once per perpetrator any source names; an incident nobody blames counts under null.
      assert.deepEqual(await tally(["perpetrator"]), [
        { keys: [null], count: 1 },
        { keys: ["RU"], count: 1 },
        { keys: ["SY-GOV"], count: 2 },
        { keys: ["SY-OPP"], count: 1 },
      ]);
      assert.deepEqual(await tally(["month", "perpetrator"], { from: "2017-01-01" }), [
        { keys: ["2017-01", "RU"], count: 1 },
        { keys: ["2017-01", "SY-GOV"], count: 2 },
        { keys: ["2017-02", null], count: 1 },
      ]);
      assert.deepEqual(await tally(["admin1", "accused"], { party: ["SY-GOV"] }), [
        { keys: ["SY-RD", null], count: 1 },
        { keys: ["SY-RD", "SY-GOV"], count: 1 },
      ]);
    });

    it("gives map points newest first, with coordinates only, at most the limit, in a box", async () => {
      const { store } = await fresh();
      const aleppo = incident({ date: "2017-01-03", lat: 36.2, lon: 37.15, accused: "SY-GOV" });
      const idlib = incident({ date: "2017-01-02", lat: 35.93, lon: 36.63, coordinatesRestricted: true });
      const nowhere = incident({ date: "2017-01-04", lat: null, lon: null });
      const fiji = incident({ date: "2017-01-01", lat: -17.8, lon: 179.5 });
      await store.incidents.upsert([aleppo, idlib, nowhere, fiji]);
      const points = await store.incidents.points({}, 10);
      assert.deepEqual(
        points.map((p) => p.id),
        [aleppo.id, idlib.id, fiji.id],
      );
      assert.deepEqual(points[0], {
        id: aleppo.id,
        lat: 36.2,
        lon: 37.15,
        status: "open",
        accused: "SY-GOV",
        eventType: "Explosions/Remote violence",
        date: "2017-01-03",
        coordinatesRestricted: false,
      });
      assert.equal(points[1]?.coordinatesRestricted, true);
      assert.deepEqual(
        (await store.incidents.points({}, 1)).map((p) => p.id),
        [aleppo.id],
      );
      const syria = { west: 35.5, south: 32.3, east: 42.4, north: 37.4 };
      assert.deepEqual(sorted(await store.incidents.points({ bbox: syria }, 10)), sorted([aleppo, idlib]));
      assert.deepEqual(sorted((await store.incidents.list({ bbox: syria })).items), sorted([aleppo, idlib]));
      // West east of east: the box spans the antimeridian.
      const pacific = { west: 170, south: -30, east: -170, north: 0 };
      assert.deepEqual(sorted(await store.incidents.points({ bbox: pacific }, 10)), [fiji.id]);
      await assert.rejects(store.incidents.count({ bbox: { west: 0, south: 10, east: 1, north: 5 } }), {
        code: "TRUCE_E_USAGE",
      });
    });

    it("stores complaints with their attachments, lists them by complainant, newest first, with their incident", async () => {
      const { store } = await fresh();
      const filed = async (complainant: string, createdAt: string) => {
        const doc = document({ channel: "form", source: complainant });
        await store.documents.insert(doc);
        const r = report(doc.id, { source: complainant, kind: "complaint" });
        await store.reports.insert([r]);
        const complaint: Complaint = {
          id: randomUUID(),
          documentId: doc.id,
          reportId: r.id,
          filedBy: randomUUID(),
          complainant,
          complainantRole: "party",
          witness: "a shopkeeper on the market street",
          coordinatesRestricted: true,
          createdAt,
        };
        await store.complaints.insert(complaint);
        return { complaint, report: r };
      };
      const first = await filed("SY-GOV", "2017-01-02T10:00:00.000Z");
      const second = await filed("SY-GOV", "2017-01-03T10:00:00.000Z");
      const other = await filed("SY-OPP", "2017-01-04T10:00:00.000Z");
      const holding = incident({ reportIds: [randomUUID(), first.report.id], complainants: ["SY-GOV"] });
      await store.incidents.upsert([holding]);

      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
      const attachment: Attachment = {
        id: randomUUID(),
        complaintId: first.complaint.id,
        filename: "crater.png",
        mediaType: "image/png",
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
      await store.attachments.insert(attachment, bytes);
      const stored = await store.attachments.get(attachment.id);
      assert.deepEqual(stored?.attachment, attachment);
      assert.deepEqual([...(stored?.bytes ?? [])], [...bytes]);
      assert.equal(await store.attachments.get(randomUUID()), null);
      assert.deepEqual(await store.attachments.byComplaint(first.complaint.id), [attachment]);

      assert.deepEqual(await store.complaints.get(first.complaint.id), {
        ...first.complaint,
        incidentId: holding.id,
        attachments: [attachment],
      });
      const mine = await store.complaints.list({ complainant: "SY-GOV" });
      assert.deepEqual(
        mine.items.map((c) => [c.id, c.incidentId]),
        [
          [second.complaint.id, null],
          [first.complaint.id, holding.id],
        ],
      );
      assert.equal(mine.next, null);
      const all = await store.complaints.list({ limit: 2 });
      assert.deepEqual(
        all.items.map((c) => c.id),
        [other.complaint.id, second.complaint.id],
      );
      const rest = await store.complaints.list({ limit: 2, after: all.next });
      assert.deepEqual(
        rest.items.map((c) => c.id),
        [first.complaint.id],
      );
      assert.equal(await store.complaints.get(randomUUID()), null);
      // A complaint must name a stored document and report.
      await assert.rejects(
        store.complaints.insert({ ...first.complaint, id: randomUUID(), reportId: randomUUID() }),
        { code: "TRUCE_E_STORE_REFERENCE" },
      );
    });
  });
}
