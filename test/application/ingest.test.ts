// Ingestion over a real SQLite store: idempotence, refusals that harm nothing, wire copies as one source.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadExtractionContext, loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { feedSource } from "../../src/adapters/sources/feed-source.js";
import { fileSource } from "../../src/adapters/sources/file-source.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import { ingest } from "../../src/application/ingest.js";
import type { Store } from "../../src/ports/store.js";

const article = (outlet: string, text: string) =>
  JSON.stringify({ url: null, title: null, published: "2017-02-14", outlet, language: "en", text });

const wire =
  "BEIRUT, Feb 14 — Government forces shelled the rebel-held town of Kafr Batna in the Eastern Ghouta on Monday, killing four civilians, a war monitor said. Residents said the shells fell on a market shortly before noon and that rescue workers were still searching the rubble for survivors in the evening.";
const reprint = `${wire} The ceasefire has been in force since December 30.`;
const independent =
  "Activists in Kafr Batna said on Monday that regime artillery hit the town's market, killing five people, among them two children, in what they called a flagrant breach of the truce in the Eastern Ghouta.";

describe("ingest", () => {
  let dir: string;
  let store: Store;
  const problems: string[] = [];
  let run: (paths: string[]) => ReturnType<typeof ingest>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "truce-ingest-"));
    store = await openStore(join(dir, "truce.db"));
    const extraction = await loadExtractionContext({});
    const agreements = loadShippedAgreements();
    let tick = 0;
    run = (paths) =>
      ingest([fileSource(paths)], {
        store,
        extraction,
        agreements,
        now: () => new Date(Date.UTC(2017, 1, 15, 0, 0, tick++)).toISOString(),
        onProblem: (origin) => problems.push(origin),
      });
  });
  after(() => store.close());

  it("stores each sample once, logs each, and a second run adds nothing", async () => {
    const first = await run(["samples/articles"]);
    assert.equal(first.documentsNew, 11);
    assert.equal(first.documentsFailed, 0);
    assert.ok(first.reports > 0 && first.incidentsCreated > 0);
    assert.equal(await store.audit.size(), 11);
    const again = await run(["samples/articles"]);
    assert.deepEqual(
      { ...again, documentsDuplicate: again.documentsDuplicate },
      {
        documentsNew: 0,
        documentsDuplicate: 11,
        documentsFailed: 0,
        reports: 0,
        incidentsCreated: 0,
        incidentsUpdated: 0,
      },
    );
    assert.equal(await store.audit.size(), 11);
  });

  it("refuses what cannot be read, naming it, and keeps the rest", async () => {
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "fine.json"), article("Wire A", wire));
    const before = await store.audit.size();
    const summary = await run([join(dir, "broken.json"), join(dir, "fine.json")]);
    assert.equal(summary.documentsFailed, 1);
    assert.equal(summary.documentsNew, 1);
    assert.ok(problems.some((p) => p.endsWith("broken.json")));
    assert.equal(await store.audit.size(), before + 1);
  });

  it("counts a re-published wire story as one source and an independent report as corroboration", async () => {
    writeFileSync(join(dir, "reprint.json"), article("Wire B", reprint));
    await run([join(dir, "reprint.json")]);
    const ghouta = (await store.incidents.list({ admin1: ["SY-RD"], from: "2017-02-13", to: "2017-02-13" }))
      .items;
    const copies = ghouta.find((i) => i.reportIds.length === 2);
    assert.ok(copies, "the reprint joins the wire story's incident");
    const reports = await store.reports.byIds(copies.reportIds);
    assert.equal(new Set(reports.map((r) => r.copyGroup)).size, 1, "one copy group");
    assert.equal(copies.grade, "single_source");

    writeFileSync(join(dir, "independent.json"), article("Local activists", independent));
    await run([join(dir, "independent.json")]);
    const after = await store.incidents.get(copies.id);
    assert.equal(after?.reportIds.length, 3);
    assert.equal(after?.grade, "corroborated");
    assert.deepEqual(after?.killed, { low: 4, best: 4, high: 5 });
  });

  it("remembers a feed's items in the same transaction as their documents", async () => {
    const seen = async (feed: string, id: string) => (await store.feeds.readItems(feed, [id])).has(id);
    const deps = {
      store,
      extraction: await loadExtractionContext({}),
      agreements: loadShippedAgreements(),
      now: () => new Date().toISOString(),
    };
    const first = await ingest([feedSource("samples/feeds/truce-sample.rss", seen)], deps);
    assert.equal(first.documentsNew, 2);
    const second = await ingest([feedSource("samples/feeds/truce-sample.rss", seen)], deps);
    assert.equal(second.documentsNew + second.documentsDuplicate, 0, "read items are skipped");
  });
});
