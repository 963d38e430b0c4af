// Linking into a stored store: every candidate in a crowded window is read, and wire copies are found by the
// signatures kept with documents (computed once for a document stored before signatures were kept).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import { linkReports } from "../../src/application/link-reports.js";
import { summariseIncident } from "../../src/application/summarise-incident.js";
import { minhash } from "../../src/domain/correlation/copies.js";
import type { StoredDocument } from "../../src/domain/records/document.js";
import { freshStanding } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import type { Store } from "../../src/ports/store.js";
import { document, report } from "../store/fixtures.js";

const NOW = "2017-04-01T00:00:00.000Z";
const agreements = loadShippedAgreements();

const textDocument = (body: string): StoredDocument => document({ body });

/** Stores one document with its reports as one incident, as an earlier ingest would have left them. */
async function storeIncident(store: Store, body: string, facts: Partial<Report>[]): Promise<string> {
  const doc = textDocument(body);
  const reports = facts.map((f) => report(doc.id, { copyGroup: doc.contentHash, ...f }));
  const id = randomUUID();
  await store.transaction(async (tx) => {
    await tx.documents.insert(doc);
    await tx.reports.insert(reports);
    await tx.incidents.upsert([summariseIncident(id, reports, agreements, freshStanding, NOW)]);
  });
  return id;
}

/** What ingest does with one new document's reports: one transaction, the document, then linking. */
async function ingestOne(store: Store, body: string, facts: Partial<Report>) {
  const doc = textDocument(body);
  const fresh = report(doc.id, { copyGroup: doc.contentHash, ...facts });
  const outcome = await store.transaction(async (tx) => {
    await tx.ingestion.serialiseLinking();
    await tx.documents.insert(doc);
    return linkReports(tx, [fresh], body, agreements, NOW);
  });
  return { doc, fresh, outcome };
}

describe("linking into a stored store", () => {
  let store: Store;
  before(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), "truce-link-")), "truce.db"));
  });
  after(() => store.close());

  it("links a report to its incident when a crowded window holds it beyond the first 500 candidates", async () => {
    // 600 earlier incidents in the same governorate and window, far from the event's town.
    const crowd: Partial<Report>[] = Array.from({ length: 600 }, (_, k) => ({
      admin1: "SY-ID",
      date: `2017-03-${String(1 + (k % 28)).padStart(2, "0")}`,
      location: "Jisr al-Shughur",
      lat: 35.81,
      lon: 36.32,
      subEventType: "Air/drone strike",
      perpetrator: "RU",
      killed: k % 7,
      summary: `air strike on Jisr al-Shughur ${k}`,
    }));
    await store.transaction(async (tx) => {
      for (const facts of crowd) {
        const doc = textDocument(`Air strike report ${randomUUID()}`);
        const own = report(doc.id, { copyGroup: doc.contentHash, ...facts });
        await tx.documents.insert(doc);
        await tx.reports.insert([own]);
        await tx.incidents.upsert([summariseIncident(randomUUID(), [own], agreements, freshStanding, NOW)]);
      }
    });
    const event: Partial<Report> = {
      admin1: "SY-ID",
      date: "2017-03-31",
      location: "Maarrat al-Numan",
      lat: 35.64,
      lon: 36.67,
      summary: "shelling of the market in Maarrat al-Numan killed four",
      killed: 4,
    };
    const trueId = await storeIncident(store, "Shelling hit the market in Maarrat al-Numan.", [event]);
    // The window linking reads for a day-precise report, read as before with one capped query: it is cut off.
    const capped = await store.incidents.candidates({
      from: "2017-02-27",
      to: "2017-05-02",
      admin1: ["SY-ID"],
    });
    assert.equal(capped.length, 500);
    assert.ok(!capped.some((i) => i.id === trueId), "the true incident lies beyond the old cap");

    const { fresh, outcome } = await ingestOne(
      store,
      "Activists said shells struck the Maarrat al-Numan market.",
      {
        ...event,
        source: "Local activists",
      },
    );
    assert.deepEqual(outcome.incidentIds, [trueId]);
    assert.equal(outcome.created, 0);
    assert.equal(outcome.updated, 1);
    assert.ok((await store.incidents.get(trueId))?.reportIds.includes(fresh.id));
  });

  it("links a report placed only to the country to its true incident, reading whole only the incidents it could join", async () => {
    // 300 incidents across the country inside the window a province-less report's query spans (±32 days), but
    // days away from it: the blocking index would never offer them, so they are neither read whole nor restored.
    const places = ["SY-AL", "SY-HM", "SY-DR", "SY-HL"];
    const crowd: Partial<Report>[] = Array.from({ length: 300 }, (_, k) => ({
      admin1: places[k % places.length] as string,
      date: `2017-08-${String(3 + (k % 25)).padStart(2, "0")}`,
      location: `Village ${k}`,
      lat: 35 + (k % 10) / 10,
      lon: 37 + (k % 7) / 10,
      subEventType: "Shelling/artillery/missile attack",
      perpetrator: "SY-GOV",
      killed: 1 + (k % 5),
      summary: `shelling of village ${k}`,
    }));
    await store.transaction(async (tx) => {
      for (const facts of crowd) {
        const doc = textDocument(`Shelling report ${randomUUID()}`);
        const own = report(doc.id, { copyGroup: doc.contentHash, ...facts });
        await tx.documents.insert(doc);
        await tx.reports.insert([own]);
        await tx.incidents.upsert([summariseIncident(randomUUID(), [own], agreements, freshStanding, NOW)]);
      }
    });
    // A month-precise incident 20 days off stays a candidate: its own window reaches the report's day.
    const vague = await storeIncident(store, "Clashes went on through the month.", [
      {
        admin1: "SY-HM",
        date: "2017-07-10",
        datePrecision: 3,
        location: "Hama countryside",
        lat: null,
        lon: null,
        geoPrecision: 3,
        eventType: "Battles",
        subEventType: "Armed clash",
        summary: "clashes in the Hama countryside",
      },
    ]);
    const event: Partial<Report> = {
      admin1: "SY-AL",
      date: "2017-07-30",
      location: "Tadef",
      lat: 36.35,
      lon: 37.53,
      subEventType: "Air/drone strike",
      perpetrator: "RU",
      target: "CIV",
      killed: 11,
      summary: "air strikes on the Tadef bread queue killed eleven civilians",
    };
    const trueId = await storeIncident(store, "Air strikes hit the bread queue in Tadef.", [
      event,
      { ...event, source: "Observatory" },
    ]);
    const candidates = new Set((await store.incidents.byIds([trueId, vague])).flatMap((i) => i.reportIds));
    const readWhole: string[] = [];
    const doc = textDocument(
      "Eleven civilians were killed by air strikes on a bread queue in northern Syria.",
    );
    const fresh = report(doc.id, {
      ...event,
      copyGroup: doc.contentHash,
      source: "Wire C",
      admin1: null,
      location: "northern Syria",
      lat: null,
      lon: null,
      geoPrecision: 3,
      summary: "air strikes on a bread queue in northern Syria killed eleven civilians",
    });
    const outcome = await store.transaction(async (tx) => {
      await tx.ingestion.serialiseLinking();
      await tx.documents.insert(doc);
      const counting = {
        ...tx,
        reports: {
          ...tx.reports,
          byIds: (ids: readonly string[]) => {
            readWhole.push(...ids);
            return tx.reports.byIds(ids);
          },
        },
      };
      return linkReports(counting, [fresh], doc.body, agreements, NOW);
    });
    assert.deepEqual(outcome.incidentIds, [trueId]);
    assert.equal(outcome.created, 0);
    assert.deepEqual(
      new Set(readWhole),
      candidates,
      "only the true incident's and the month-precise one's reports",
    );
  });

  it("finds a wire copy through kept signatures, computing a missing one once", async () => {
    const wire =
      "ALEPPO, March 12 — Artillery shells struck a bakery in the Salah al-Din district on Sunday morning, killing three people waiting in line for bread, a monitoring group and residents said.";
    const event: Partial<Report> = {
      admin1: "SY-AL",
      date: "2017-03-12",
      location: "Salah al-Din",
      lat: 36.19,
      lon: 37.13,
      killed: 3,
      summary: "artillery shells struck a bakery in Salah al-Din",
    };
    const incidentId = await storeIncident(store, wire, [event]);
    const [stored] = (await store.reports.byIds(
      (await store.incidents.get(incidentId))?.reportIds ?? [],
    )) as [Report];
    // Stored without a signature, as documents stored before signatures were kept are.
    assert.equal((await store.documents.minhashes([stored.documentId])).size, 0);

    const copy = await ingestOne(store, `${wire} The truce has been in force since December 30.`, {
      ...event,
      source: "Wire B",
    });
    assert.deepEqual(copy.outcome.incidentIds, [incidentId]);
    assert.equal((await store.reports.get(copy.fresh.id))?.copyGroup, stored.copyGroup, "one copy group");
    const kept = await store.documents.minhashes([stored.documentId, copy.doc.id]);
    assert.deepEqual(kept.get(stored.documentId), minhash(wire), "the missing signature is now kept");
    assert.ok(kept.has(copy.doc.id), "the new document's signature is kept");

    const independent = await ingestOne(
      store,
      "Residents of Salah al-Din told us the bakery was hit twice and that three men died in the queue.",
      { ...event, source: "Local activists" },
    );
    assert.deepEqual(independent.outcome.incidentIds, [incidentId]);
    assert.equal(
      (await store.reports.get(independent.fresh.id))?.copyGroup,
      independent.doc.contentHash,
      "an independent text keeps a group of its own",
    );
  });
});
