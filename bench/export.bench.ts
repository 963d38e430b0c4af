// Benchmark: open data exports over a store of ~1 M published incidents (each with its document and report),
// read a page at a time: wall time and the process's resident memory while each format is written.
//
// SQLite (a temp file). BENCH_INCIDENTS (default 1,000,000), BENCH_PAGE (incidents per store query, default 500).

import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { loadShippedAgreements } from "../src/adapters/data/load-context.js";
import { openStore } from "../src/adapters/store/open-store.js";
import { exportFormats, exportIncidents } from "../src/application/publication/exports/export-incidents.js";
import { anonymous } from "../src/domain/access/principal.js";
import type { StoredDocument } from "../src/domain/records/document.js";
import type { Incident } from "../src/domain/records/incident.js";
import type { Report } from "../src/domain/records/report.js";

const TARGET = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 500);
const BATCH = 10_000;
const admin1 = ["SY-ID", "SY-HL", "SY-HM", "SY-RD", "SY-DR", "SY-DY", "SY-HI", "SY-LA", "SY-RA", "SY-HA"];
const parties = ["SY-GOV", "SY-OPP", "HTS", "RU", "TR", "ISIS", "SDF"];

let seed = 7;
const random = (): number => {
  // A fixed-seed LCG: the same store on every run.
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const dir = process.env.BENCH_KEEP_DIR ?? mkdtempSync(path.join(tmpdir(), "truce-export-bench-"));
const store = await openStore(path.join(dir, "bench.sqlite"));
const started = Date.now();
for (let made = 0; made < TARGET; made += BATCH) {
  const documents: StoredDocument[] = [];
  const reports: Report[] = [];
  const incidents: Incident[] = [];
  for (let k = 0; k < Math.min(BATCH, TARGET - made); k++) {
    const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000).toISOString();
    const date = day.slice(0, 10);
    const perpetrator = pick(parties);
    const lat = 32.5 + random() * 4.5;
    const lon = 35.8 + random() * 6;
    const restricted = random() < 0.1;
    const body = `Shelling reported near a village on ${date} (${made + k}).`;
    const documentId = randomUUID();
    documents.push({
      id: documentId,
      source: "Reuters",
      channel: "file",
      origin: null,
      receivedAt: day,
      contentHash: createHash("sha256").update(body).digest("hex"),
      contentType: "text/plain",
      body,
      title: null,
      published: date,
    });
    const report: Report = {
      id: randomUUID(),
      documentId,
      source: pick(["Reuters", "SANA", "SOHR", "AFP"]),
      copyGroup: documentId,
      date,
      dateEnd: null,
      datePrecision: 1,
      country: "SY",
      admin1: pick(admin1),
      location: `Village ${made + k}`,
      lat,
      lon,
      geoPrecision: 1,
      eventType: "Explosions/Remote violence",
      subEventType: "Shelling/artillery/missile attack",
      perpetrator,
      target: "CIV",
      killed: Math.floor(random() * 5),
      kind: "press",
      spans: [{ start: 0, end: body.length }],
      summary: body,
      createdAt: day,
      coordinatesRestricted: restricted,
    };
    reports.push(report);
    incidents.push({
      id: randomUUID(),
      reportIds: [report.id],
      date,
      admin1: report.admin1,
      country: "SY",
      location: report.location,
      eventType: report.eventType,
      subEventType: report.subEventType,
      perpetrators: [perpetrator],
      killed: { low: report.killed ?? 0, best: report.killed ?? 0, high: report.killed ?? 0 },
      classification: "violation",
      grade: "single_source",
      status: "published",
      updatedAt: day,
      complainants: [],
      accused: random() < 0.5 ? perpetrator : null,
      lat,
      lon,
      coordinatesRestricted: restricted,
      publishedAt: day,
    });
  }
  await store.transaction(async (tx) => {
    for (const d of documents) await tx.documents.insert(d);
    await tx.reports.insert(reports);
    await tx.incidents.upsert(incidents);
  });
}
console.log(
  `filled ${TARGET.toLocaleString("en")} published incidents in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const agreements = loadShippedAgreements();
for (const format of process.env.BENCH_SKIP_EXPORT ? [] : exportFormats) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let bytes = 0;
  const t0 = Date.now();
  const result = exportIncidents(store, format, anonymous, {}, { agreements, pageSize: PAGE });
  await pipeline(
    result.body,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (Date.now() - t0) / 1000;
  console.log(
    `${format.padEnd(7)} ${(bytes / 1e6).toFixed(1).padStart(7)} MB in ${seconds.toFixed(1).padStart(6)} s; RSS ${(before / 1e6).toFixed(0)} MB before, ${(peak / 1e6).toFixed(0)} MB peak while writing`,
  );
}
await store.close();
if (process.env.BENCH_KEEP_DIR === undefined) rmSync(dir, { recursive: true, force: true });
