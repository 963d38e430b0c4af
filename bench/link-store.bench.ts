// Benchmark: fill a store with ~1 M synthetic incidents and their reports, then time linking one new report
// into it (candidates from the store, the correlator rebuilt around them), one transaction per report.
//
// SQLite (a temp file) by default; BENCH_DB=postgres://… (or TRUCE_TEST_PG_URL) runs it against PostgreSQL;
// BENCH_DB=FILE keeps a filled SQLite file: filled on the first run, and every run links its reports into a
// copy of it (so that runs link into the same store, never into each other's reports).
// BENCH_INCIDENTS (default 1,000,000), BENCH_FILL_BUDGET_S (default 600: the fill stops at the batch that
// crosses it and the figures are for the size reached), BENCH_PROBES (default 1,000), BENCH_CHECKPOINTS
// (default 100000,500000: also link BENCH_CHECKPOINT_PROBES reports when the store passes these sizes).

import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadShippedAgreements } from "../src/adapters/data/load-context.js";
import { openStore } from "../src/adapters/store/open-store.js";
import { linkReports } from "../src/application/link-reports.js";
import { minhash } from "../src/domain/correlation/copies.js";
import { freshStanding } from "../src/domain/records/incident.js";
import type { Report } from "../src/domain/records/report.js";
import type { Repositories } from "../src/ports/store.js";
import { daysFor, documentFor, FILL_NOW, reportsByTruth, syntheticBatch } from "./synthetic-store.js";

const TARGET = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const FILL_BUDGET_S = Number(process.env.BENCH_FILL_BUDGET_S ?? 600);
const PROBES = Number(process.env.BENCH_PROBES ?? 1000);
const CHECKPOINTS = (process.env.BENCH_CHECKPOINTS ?? "100000,500000")
  .split(",")
  .filter((s) => s.trim() !== "")
  .map(Number);
const CHECKPOINT_PROBES = Number(process.env.BENCH_CHECKPOINT_PROBES ?? 300);
/** Incidents generated and written per transaction. */
const BATCH = Number(process.env.BENCH_BATCH ?? 20_000);

const named = process.env.BENCH_DB;
const pgUrl = named?.startsWith("postgres")
  ? named
  : named === undefined
    ? process.env.TRUCE_TEST_PG_URL
    : undefined;
const keptFile = named !== undefined && pgUrl === undefined ? path.resolve(named) : null;
const dir = pgUrl ? null : mkdtempSync(path.join(tmpdir(), "truce-link-store-"));
const spec = pgUrl ?? keptFile ?? path.join(dir as string, "bench.sqlite");
const days = daysFor(TARGET);
const agreements = loadShippedAgreements();
let store = await openStore(spec);
/** A kept file already filled: no fill, no checkpoint probes, only the probes at its size. */
const reused = keptFile !== null && (await store.incidents.count()) > 0;
console.log(
  `${store.engine} store ${pgUrl ? "(BENCH_DB)" : spec}; target ${TARGET.toLocaleString("en")} incidents over ${days} days`,
);

/** The SQLite file the run links into now: the temp file, the kept one while filling, or its copy. */
let sqliteFile: string | null = pgUrl ? null : spec;
const dbBytes = (): number => {
  if (sqliteFile === null) return Number.NaN;
  let n = 0;
  for (const f of [sqliteFile, `${sqliteFile}-wal`]) {
    try {
      n += statSync(f).size;
    } catch {
      // no WAL file
    }
  }
  return n;
};
const mb = (b: number): string => (Number.isNaN(b) ? "n/a" : `${(b / 2 ** 20).toFixed(0)} MB`);

// ── 1. Fill ────────────────────────────────────────────────────────────────────────────────
let filled = 0;
let reportsStored = 0;
let batchNo = 0;
const fillStart = performance.now();
let pendingCheckpoints = CHECKPOINTS.filter((c) => c < TARGET).sort((a, b) => a - b);
const probeRuns: string[] = [];

async function fill(upTo: number): Promise<void> {
  while (filled < upTo) {
    const n = Math.min(BATCH, upTo - filled);
    const { incidents, reports, documents } = syntheticBatch(
      batchNo++,
      n,
      days,
      agreements,
      () => freshStanding,
    );
    await store.transaction(async (tx) => {
      for (const d of documents) {
        await tx.documents.insert(d);
        // As ingest keeps it when it links the document's reports (a plain-text document is its own article).
        await tx.documents.saveMinhash(d.id, minhash(d.body));
      }
      await tx.reports.insert(reports);
      await tx.incidents.upsert(incidents);
    });
    filled += incidents.length;
    reportsStored += reports.length;
    const s = (performance.now() - fillStart) / 1000;
    if (batchNo % 5 === 0 || filled >= upTo)
      console.log(
        `  filled ${filled.toLocaleString("en")} incidents, ${reportsStored.toLocaleString("en")} reports in ${s.toFixed(0)} s (${Math.round(filled / s)} incidents/s), db ${mb(dbBytes())}`,
      );
    if (s > FILL_BUDGET_S) {
      console.log(`  fill budget of ${FILL_BUDGET_S} s reached: stopping at ${filled.toLocaleString("en")}`);
      return;
    }
  }
}

type Observe = (repo: string, method: string, ms: number, result: unknown) => void;

/** The repositories with every method timed: what the store costs as against the work in process. */
function timedRepositories(tx: Repositories, observe: Observe): Repositories {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, repo] of Object.entries(tx) as [string, Record<string, unknown>][]) {
    const wrapped: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(repo)) {
      wrapped[method] =
        typeof fn !== "function"
          ? fn
          : async (...args: unknown[]) => {
              const t = performance.now();
              const result: unknown = await fn.apply(repo, args);
              observe(name, method, performance.now() - t, result);
              return result;
            };
    }
    out[name] = wrapped;
  }
  return out as unknown as Repositories;
}

// ── 2. Link probes, one transaction each ─────────────────────────────────────────────────────
async function probe(count: number, seed: number): Promise<void> {
  const groups = reportsByTruth(`p${seed}-`, count, seed, days);
  // One report of each new incident: a report of an event the store has not seen.
  const items = [...groups].slice(0, count).map(([truth, own]) => ({
    report: own[0] as Report,
    document: documentFor(`p${seed}-${truth}`, own.slice(0, 1)),
  }));
  const times: number[] = [];
  const queryTimes: number[] = [];
  const storeTimes: number[] = [];
  const candidateCounts: number[] = [];
  /** Stored reports read whole to restore the candidates the correlator is given (after narrowing). */
  const wholeCounts: number[] = [];
  let created = 0;
  for (const { report, document } of items) {
    let candidates = 0;
    let readWhole = 0;
    let queryMs = 0;
    let storeMs = 0;
    const t0 = performance.now();
    const outcome = await store.transaction(async (tx) => {
      // Every store call timed on the way through (the rest is in-process work), the candidates queries apart
      // (every page of them).
      const counted = timedRepositories(tx, (repo, method, ms, result) => {
        storeMs += ms;
        if (repo === "incidents" && method === "linkCandidates") {
          queryMs += ms;
          candidates += (result as unknown[]).length;
        }
        if (repo === "reports" && method === "byIds") readWhole += (result as unknown[]).length;
      });
      await tx.ingestion.serialiseLinking();
      await tx.documents.insert(document);
      return linkReports(counted, [report], document.body, agreements, FILL_NOW);
    });
    times.push(performance.now() - t0);
    queryTimes.push(queryMs);
    storeTimes.push(storeMs);
    candidateCounts.push(candidates);
    wholeCounts.push(readWhole);
    created += outcome.created;
  }
  const q = (xs: number[], p: number): number => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  };
  const mean = candidateCounts.reduce((a, b) => a + b, 0) / candidateCounts.length;
  const line =
    `link 1 report into ${filled.toLocaleString("en")} stored incidents (${times.length} reports): ` +
    `median ${q(times, 0.5).toFixed(2)} ms, p99 ${q(times, 0.99).toFixed(2)} ms; ` +
    `candidates queries median ${q(queryTimes, 0.5).toFixed(2)} ms, p99 ${q(queryTimes, 0.99).toFixed(2)} ms; ` +
    `all store calls median ${q(storeTimes, 0.5).toFixed(2)} ms; ` +
    `candidates per report mean ${mean.toFixed(0)}, median ${q(candidateCounts, 0.5)}, max ${q(candidateCounts, 1)}; ` +
    `stored reports read whole per report mean ${(wholeCounts.reduce((a, b) => a + b, 0) / wholeCounts.length).toFixed(0)}, max ${q(wholeCounts, 1)}; ` +
    `${created} new incidents, ${times.length - created} joined`;
  console.log(line);
  probeRuns.push(line);
}

if (reused) {
  filled = await store.incidents.count();
  pendingCheckpoints = [];
  console.log(`reusing ${filled.toLocaleString("en")} incidents in ${spec}`);
}
for (const checkpoint of pendingCheckpoints) {
  await fill(checkpoint);
  if (filled < checkpoint) break;
  console.log(
    `fill to ${filled.toLocaleString("en")}: ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
  );
  await probe(CHECKPOINT_PROBES, 900_000 + checkpoint);
}
pendingCheckpoints = [];
if (!reused && (performance.now() - fillStart) / 1000 <= FILL_BUDGET_S) await fill(TARGET);
const fillS = (performance.now() - fillStart) / 1000;
console.log(
  `filled ${filled.toLocaleString("en")} incidents and ${reportsStored.toLocaleString("en")} reports in ${fillS.toFixed(1)} s` +
    ` (includes the checkpoint probes)${filled < TARGET ? ` — short of the ${TARGET.toLocaleString("en")} target` : ""}; db ${mb(dbBytes())}`,
);
if (keptFile !== null) {
  // The probes write: into a copy, so that the kept file stays as filled for the next run.
  await store.close();
  sqliteFile = path.join(dir as string, "probe.sqlite");
  copyFileSync(keptFile, sqliteFile);
  store = await openStore(sqliteFile);
  console.log(`probing a copy of ${keptFile}`);
}
await probe(PROBES, 1);
console.log(`database size ${mb(dbBytes())} (main file + WAL)`);
await store.close();
if (dir && !process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
else if (dir) console.log(`kept ${dir}`);
