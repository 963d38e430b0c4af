// Complaints over a real SQLite store: filing (document, report, incident, files, audit in one transaction),
// refusals that leave nothing behind, who reads what back, and the guarantors' queue that follows.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { loadPlaceData } from "../../src/adapters/data/load-places.js";
import { articleOfDocument } from "../../src/application/article-of-document.js";
import { auditEntries } from "../../src/application/audit-trail.js";
import type { ComplaintForm } from "../../src/application/complaints/complaint-form.js";
import { type ComplaintDeps, fileComplaint } from "../../src/application/complaints/file-complaint.js";
import {
  getAttachment,
  getComplaint,
  listComplaints,
} from "../../src/application/complaints/list-complaints.js";
import { incidentQueue } from "../../src/application/incident-queue.js";
import { recordPosition } from "../../src/application/record-position.js";
import { anonymous, type Principal, visibilityOf } from "../../src/domain/access/principal.js";
import { isTruceError, type TruceErrorCode } from "../../src/errors.js";
import type { Store } from "../../src/ports/store.js";
import { type TempStore, TestClock, tempStore } from "./decision-fixtures.js";

const gov: Principal = { role: "party", userId: "user-gov", username: "gov", party: "SY-GOV" };
const opp: Principal = { role: "party", userId: "user-opp", username: "opp", party: "SY-OPP" };
const monitor = (guarantor: string): Principal => ({
  role: "guarantor",
  userId: `user-${guarantor}`,
  username: guarantor.toLowerCase(),
  guarantor,
});
const ru = monitor("RU");
const observer: Principal = { role: "observer", userId: "user-obs", username: "obs" };

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const statement = new TextEncoder().encode("I saw the shells land on the market at 06:10.\n");

/** Saraqib, a little east of the town centre. */
const complaintForm = (over: Partial<ComplaintForm> = {}): ComplaintForm => ({
  narrative:
    "Opposition artillery shelled the vegetable market of Saraqib at dawn. Two civilians were killed.",
  date: "2017-01-08",
  datePrecision: 1,
  lat: 35.8635,
  lon: 36.8102,
  coordinatesRestricted: true,
  subEventType: "Shelling/artillery/missile attack",
  accused: "SY-OPP",
  target: "CIV",
  killed: 2,
  witness: "Ahmad K., shopkeeper on the market street",
  attachments: [
    { filename: "crater.png", mediaType: "image/png", bytes: png },
    { filename: "statement.txt", mediaType: "text/plain", bytes: statement },
  ],
  ...over,
});

async function snapshot(store: Store) {
  return {
    audit: await store.audit.size(),
    complaints: (await store.complaints.list({ limit: 1000 })).items.length,
    incidents: await store.incidents.count(),
    unread: (await store.ingestion.unread()).length,
  };
}

async function refusedWith(
  store: Store,
  code: TruceErrorCode,
  call: () => Promise<unknown>,
  message?: RegExp,
): Promise<void> {
  const before = await snapshot(store);
  await assert.rejects(call, (error: unknown) => {
    assert.ok(isTruceError(error), `a TruceError, not ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(await snapshot(store), before, "nothing of a refused complaint is stored");
}

describe("complaints", () => {
  let temp: TempStore;
  let store: Store;
  let deps: ComplaintDeps;
  const clock = new TestClock("2017-01-10T08:00:00.000Z");
  const agreements = loadShippedAgreements();

  before(async () => {
    temp = await tempStore();
    store = temp.store;
    deps = { store, agreements, places: loadPlaceData(), now: clock.now };
  });
  after(() => temp.dispose());

  it("files a party's complaint: its document, report, incident, files and audit entry together", async () => {
    const auditBefore = await store.audit.size();
    const filed = await fileComplaint(deps, gov, complaintForm());

    const document = await store.documents.get(filed.documentId);
    assert.ok(document);
    assert.equal(document.channel, "form");
    assert.equal(document.source, "SY-GOV");
    assert.equal(document.contentType, "application/json");
    assert.equal(document.body.includes("Ahmad K."), false, "the witness is not in the document");
    assert.equal(await store.ingestion.isRead(document.id), true, "no worker reads it again");

    const report = await store.reports.get(filed.reportId);
    assert.ok(report);
    assert.deepEqual(
      {
        kind: report.kind,
        source: report.source,
        admin1: report.admin1,
        location: report.location,
        geoPrecision: report.geoPrecision,
        lat: report.lat,
        lon: report.lon,
        perpetrator: report.perpetrator,
        target: report.target,
        killed: report.killed,
        date: report.date,
        restricted: report.coordinatesRestricted,
      },
      {
        kind: "complaint",
        source: "SY-GOV",
        admin1: "SY-ID",
        location: "Saraqib",
        geoPrecision: 1,
        lat: 35.8635,
        lon: 36.8102,
        perpetrator: "SY-OPP",
        target: "CIV",
        killed: 2,
        date: "2017-01-08",
        restricted: true,
      },
    );
    // The report's span is the narrative, in the text the document view shows.
    const text = articleOfDocument(document).text;
    const span = report.spans[0];
    assert.ok(span);
    assert.equal(text.slice(span.start, span.end), complaintForm().narrative);

    const incident = await store.incidents.get(filed.incidentId);
    assert.ok(incident);
    assert.deepEqual(incident.reportIds, [filed.reportId]);
    assert.deepEqual(incident.complainants, ["SY-GOV"]);
    assert.equal(incident.classification, "violation");
    assert.equal(incident.accused, null);
    assert.deepEqual([incident.lat, incident.lon, incident.coordinatesRestricted], [35.8635, 36.8102, true]);

    const complaint = await getComplaint(store, ru, filed.complaintId);
    assert.equal(complaint.witness, "Ahmad K., shopkeeper on the market street");
    assert.equal(complaint.incidentId, filed.incidentId);
    assert.equal(complaint.filedBy, "user-gov");
    assert.deepEqual(
      complaint.attachments.map((a) => [a.filename, a.mediaType, a.size]),
      [
        ["crater.png", "image/png", png.length],
        ["statement.txt", "text/plain", statement.length],
      ],
    );
    const crater = await getAttachment(store, gov, filed.attachmentIds[0] as string);
    assert.deepEqual([...crater.bytes], [...png]);

    const entries = (await auditEntries(store)).slice(auditBefore);
    const accepted = entries.find((e) => e.kind === "document_accepted" && e.subjectId === filed.documentId);
    assert.ok(accepted, "the complaint's acceptance is in the audit log");
    assert.deepEqual(accepted.payload.attachments, [
      createHash("sha256").update(png).digest("hex"),
      createHash("sha256").update(statement).digest("hex"),
    ]);
    assert.equal(JSON.stringify(entries).includes("Ahmad K."), false, "the witness is not in the audit log");
  });

  it("shows the complaint's incident to its complainant only, until published or a verdict accuses", async () => {
    const filed = await fileComplaint(deps, gov, complaintForm({ date: "2017-01-07" }));
    assert.ok(await store.incidents.get(filed.incidentId, visibilityOf(gov)));
    assert.equal(await store.incidents.get(filed.incidentId, visibilityOf(opp)), null);
    assert.equal(await store.incidents.get(filed.incidentId, visibilityOf(anonymous)), null);
    assert.ok(await store.incidents.get(filed.incidentId, visibilityOf(ru)));
  });

  it("files a monitor's observation by place name, at the gazetteer's point", async () => {
    const filed = await fileComplaint(
      deps,
      ru,
      complaintForm({
        lat: null,
        lon: null,
        place: "Areeha",
        date: "2017-01-05",
        accused: "SY-GOV",
        coordinatesRestricted: false,
        attachments: [],
        witness: null,
      }),
    );
    const report = await store.reports.get(filed.reportId);
    assert.ok(report);
    assert.deepEqual(
      [
        report.kind,
        report.source,
        report.location,
        report.admin1,
        report.lat,
        report.lon,
        report.geoPrecision,
      ],
      ["observation", "RU", "Ariha", "SY-ID", 35.813, 36.608, 1],
    );
    assert.equal("coordinatesRestricted" in report, false);
    const incident = await store.incidents.get(filed.incidentId);
    assert.deepEqual(incident?.complainants, ["RU"]);
  });

  it("lists a party's own complaints without the witness, and every complaint with it to guarantors", async () => {
    await fileComplaint(deps, opp, complaintForm({ accused: "SY-GOV", date: "2017-01-06", attachments: [] }));
    const mine = await listComplaints(store, gov);
    assert.ok(mine.items.length >= 2);
    assert.ok(mine.items.every((c) => c.complainant === "SY-GOV" && c.witness === null));
    const theirs = await listComplaints(store, opp);
    assert.deepEqual(
      theirs.items.map((c) => c.complainant),
      ["SY-OPP"],
    );
    const all = await listComplaints(store, ru);
    assert.deepEqual(new Set(all.items.map((c) => c.complainant)), new Set(["SY-GOV", "SY-OPP", "RU"]));
    assert.ok(all.items.some((c) => c.witness === "Ahmad K., shopkeeper on the market street"));
    // Newest first, in pages.
    const first = await listComplaints(store, ru, { limit: 2 });
    const rest = await listComplaints(store, ru, { limit: 100, after: first.next });
    assert.deepEqual(
      [...first.items, ...rest.items].map((c) => c.id),
      all.items.map((c) => c.id),
    );
    await assert.rejects(listComplaints(store, observer), { code: "TRUCE_E_FORBIDDEN" });
    await assert.rejects(listComplaints(store, anonymous), { code: "TRUCE_E_FORBIDDEN" });
  });

  it("gives an attachment to those who may read its complaint; to another party it does not exist", async () => {
    const filed = await fileComplaint(deps, gov, complaintForm({ date: "2017-01-04" }));
    const id = filed.attachmentIds[1] as string;
    assert.equal((await getAttachment(store, gov, id)).attachment.mediaType, "text/plain");
    assert.equal((await getAttachment(store, monitor("TR"), id)).attachment.filename, "statement.txt");
    await assert.rejects(getAttachment(store, opp, id), { code: "TRUCE_E_NOT_FOUND" });
    await assert.rejects(getAttachment(store, gov, "no-such-attachment"), { code: "TRUCE_E_NOT_FOUND" });
    await assert.rejects(getAttachment(store, anonymous, id), { code: "TRUCE_E_FORBIDDEN" });
    await assert.rejects(getComplaint(store, opp, filed.complaintId), { code: "TRUCE_E_NOT_FOUND" });
  });

  it("refuses bad complaints and stores nothing of them", async () => {
    await refusedWith(store, "TRUCE_E_PARTY_UNKNOWN", () =>
      fileComplaint(deps, gov, complaintForm({ accused: "NOBODY" })),
    );
    await refusedWith(store, "TRUCE_E_COMPLAINT_SELF", () =>
      fileComplaint(deps, gov, complaintForm({ accused: "SY-GOV" })),
    );
    // Free text the agreement cannot weigh would leave the incident undetermined.
    await refusedWith(
      store,
      "TRUCE_E_COMPLAINT_INVALID",
      () => fileComplaint(deps, gov, complaintForm({ target: "the vegetable market" })),
      /target: .* give one of .*CIV/,
    );
    // Beirut: a known country, outside the agreement's territory.
    await refusedWith(
      store,
      "TRUCE_E_OUTSIDE_TERRITORY",
      () => fileComplaint(deps, gov, complaintForm({ lat: 33.8938, lon: 35.5018 })),
      /outside the territory of/,
    );
    // The open Mediterranean: no place at all.
    await refusedWith(store, "TRUCE_E_OUTSIDE_TERRITORY", () =>
      fileComplaint(deps, gov, complaintForm({ lat: 34.5, lon: 33.0 })),
    );
    await refusedWith(store, "TRUCE_E_PLACE_UNKNOWN", () =>
      fileComplaint(deps, gov, complaintForm({ lat: null, lon: null, place: "Atlantis" })),
    );
    await refusedWith(store, "TRUCE_E_COMPLAINT_INVALID", () =>
      fileComplaint(deps, gov, complaintForm({ date: "2017-01-11" })),
    );
    await refusedWith(store, "TRUCE_E_COMPLAINT_INVALID", () =>
      fileComplaint(deps, gov, complaintForm({ narrative: "   " })),
    );
    await refusedWith(store, "TRUCE_E_ATTACHMENT_TYPE", () =>
      fileComplaint(
        deps,
        gov,
        complaintForm({
          attachments: [
            { filename: "run.exe", mediaType: "image/png", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) },
          ],
        }),
      ),
    );
    await refusedWith(store, "TRUCE_E_ATTACHMENT_COUNT", () =>
      fileComplaint(
        deps,
        gov,
        complaintForm({
          attachments: Array.from({ length: 6 }, (_, i) => ({
            filename: `${i}.png`,
            mediaType: "image/png",
            bytes: png,
          })),
        }),
      ),
    );
    await refusedWith(store, "TRUCE_E_FORBIDDEN", () => fileComplaint(deps, observer, complaintForm()));
  });

  it("keeps nothing of a complaint whose transaction fails part way", async () => {
    const failing: Store = {
      ...store,
      transaction: (fn) =>
        store.transaction((tx) =>
          fn({
            ...tx,
            attachments: {
              ...tx.attachments,
              insert: async () => {
                throw new Error("disk full");
              },
            },
          }),
        ),
    };
    const before = await snapshot(store);
    await assert.rejects(fileComplaint({ ...deps, store: failing }, gov, complaintForm()), /disk full/);
    assert.deepEqual(await snapshot(store), before);
  });

  it("puts the complaint in each guarantor's queue until it takes a position; a verdict accuses", async () => {
    const filed = await fileComplaint(
      deps,
      gov,
      complaintForm({ date: "2016-12-31", lat: 35.9306, lon: 36.6339, attachments: [] }),
    );
    const queued = async (principal: Principal) =>
      (await incidentQueue(store, principal, { limit: 1000 })).items.map((i) => i.id);
    assert.ok((await queued(ru)).includes(filed.incidentId));
    const queue = await incidentQueue(store, ru, { limit: 1000 });
    const dates = queue.items.map((i) => i.date ?? "");
    assert.deepEqual(dates, [...dates].sort(), "oldest first");

    const position = (guarantor: string) =>
      recordPosition(
        { store, agreements, now: clock.now },
        {
          incidentId: filed.incidentId,
          guarantor,
          position: "violation",
          party: "SY-OPP",
          rationale: "crater analysis",
          by: `user-${guarantor}`,
        },
      );
    await position("RU");
    assert.equal((await queued(ru)).includes(filed.incidentId), false);
    assert.ok((await queued(monitor("TR"))).includes(filed.incidentId));
    assert.equal(await store.incidents.get(filed.incidentId, visibilityOf(opp)), null);

    await position("TR");
    const outcome = await position("IR");
    assert.equal(outcome.status, "decided");
    const decided = await store.incidents.get(filed.incidentId);
    assert.equal(decided?.accused, "SY-OPP");
    assert.deepEqual(decided?.complainants, ["SY-GOV"], "a decision keeps who complained");
    assert.equal((await queued(monitor("TR"))).includes(filed.incidentId), false);
    assert.equal((await queued(monitor("IR"))).includes(filed.incidentId), false);
    // Now the accused may read it (and reply), though it is not published.
    assert.ok(await store.incidents.get(filed.incidentId, visibilityOf(opp)));

    await assert.rejects(incidentQueue(store, gov), { code: "TRUCE_E_FORBIDDEN" });
    await assert.rejects(incidentQueue(store, ru, { guarantor: "TR" }), { code: "TRUCE_E_FORBIDDEN" });
    const admin: Principal = { role: "admin", userId: "user-admin", username: "admin" };
    await assert.rejects(incidentQueue(store, admin), { code: "TRUCE_E_INVALID_INPUT" });
    assert.deepEqual(
      (await incidentQueue(store, admin, { guarantor: "RU", limit: 1000 })).items.map((i) => i.id),
      await queued(ru),
    );
  });
});
