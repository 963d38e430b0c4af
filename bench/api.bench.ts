// Benchmark of the HTTP API: a SQLite store of ~1 M synthetic incidents (with their reports and documents, filled
// as bench/link-store.bench.ts does, a third of them published), `truce serve` (the compiled build) with one worker
// process per core on loopback, and autocannon at 1, 8 and 64 connections against: a filtered page of 100
// incidents (the same one, and a different one each request), one incident, the map's data
// for a month and for the whole record (the web map's own request), and filing complaints. Prints requests/s and
// latency p50/p99 for each.
//
// BENCH_INCIDENTS (default 1,000,000), BENCH_DURATION_S (per run, default 10), BENCH_DB (a SQLite file to keep:
// filled on the first run, reused as it is by later ones, its audit key kept beside it), BENCH_WORKERS (server
// processes, default one per core).

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createTcpServer } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { loadShippedAgreements } from "../src/adapters/data/load-context.js";
import { loadOrCreateAuditKey } from "../src/adapters/keys/audit-key.js";
import { openStore } from "../src/adapters/store/open-store.js";
import { accountsDeps } from "../src/application/accounts/accounts-deps.js";
import { createApiToken } from "../src/application/accounts/api-tokens.js";
import { createUser } from "../src/application/accounts/create-user.js";
import { checkpointNow, recordAudit } from "../src/application/audit-trail.js";
import { freshStanding } from "../src/domain/records/incident.js";
import { daysFor, FILL_NOW, PER_YEAR, syntheticBatch } from "./synthetic-store.js";

const TARGET = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const BATCH = 20_000;

/** A port nobody listens on now, for the server to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

async function fill(spec: string): Promise<{ sampleId: string; month: { from: string; to: string } }> {
  const store = await openStore(spec);
  const agreements = loadShippedAgreements();
  const days = daysFor(TARGET);
  let filled = 0;
  let batchNo = 0;
  let sampleId = "";
  const started = performance.now();
  if ((await store.incidents.count()) === 0) {
    while (filled < TARGET) {
      const n = Math.min(BATCH, TARGET - filled);
      // A third published (with the verdict's party), as a mechanism some years in would hold.
      const { incidents, reports, documents } = syntheticBatch(batchNo++, n, days, agreements, (k, lead) =>
        k % 3 === 0
          ? { status: "published", accused: lead.perpetrator, publishedAt: FILL_NOW }
          : freshStanding,
      );
      await store.transaction(async (tx) => {
        for (const d of documents) await tx.documents.insert(d);
        await tx.reports.insert(reports);
        await tx.incidents.upsert(incidents);
      });
      filled += incidents.length;
      if (batchNo % 10 === 0 || filled >= TARGET) {
        const s = (performance.now() - started) / 1000;
        console.log(`  filled ${filled.toLocaleString("en")} incidents in ${s.toFixed(0)} s`);
      }
    }
  }
  const page = await store.incidents.list({ status: ["published"], admin1: ["SY-ID"], limit: 1 });
  sampleId = page.items[0]?.id ?? "";
  const mid = page.items[0]?.date ?? "2017-06-01";
  const month = { from: `${mid.slice(0, 7)}-01`, to: `${mid.slice(0, 7)}-28` };
  await store.close();
  return { sampleId, month };
}

/**
 * One `document_accepted` audit entry per stored document, as ingest records them, and a checkpoint signed over
 * them: a store of a million incidents has a log at least as long, which reading an incident's trail and signing
 * after each complaint must not read whole. Done once (a kept file's log is left as it is).
 */
async function fillAuditLog(spec: string, keyFile: string): Promise<void> {
  const store = await openStore(spec);
  try {
    const first = (await store.incidents.list({ sort: "date", order: "asc", limit: 1 })).items[0];
    if (first === undefined || (await store.audit.bySubjects([first.id.replace("-i", "-")])).length > 0)
      return;
    const started = performance.now();
    let after: string | null = null;
    let appended = 0;
    do {
      const page = await store.incidents.list({ sort: "date", order: "asc", limit: 1000, after });
      // The fill names an incident `${prefix}i${truth}` and its document `${prefix}${truth}`.
      const documents = await Promise.all(
        page.items.map((i) => store.documents.get(i.id.replace("-i", "-"))),
      );
      await store.transaction(async (tx) => {
        for (const d of documents) {
          if (d === null) continue;
          await recordAudit(
            tx,
            "document_accepted",
            d.id,
            { contentHash: d.contentHash, source: d.source, origin: d.origin ?? "", channel: d.channel },
            d.receivedAt,
          );
          appended++;
        }
      });
      after = page.next;
    } while (after !== null);
    await checkpointNow(store, loadOrCreateAuditKey(keyFile), FILL_NOW);
    console.log(
      `audit log: ${appended.toLocaleString("en")} entries and a checkpoint in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await store.close();
  }
}

async function partyToken(spec: string): Promise<string> {
  const store = await openStore(spec);
  try {
    const deps = accountsDeps(store, loadShippedAgreements());
    const existing = await store.users.byUsername("bench-party");
    const user =
      existing ??
      (await createUser(deps, {
        username: "bench-party",
        password: "benchmark password, not secret",
        role: "party",
        party: "SY-OPP",
      }));
    return (await createApiToken(deps, user, "bench")).secret;
  } finally {
    await store.close();
  }
}

interface Row {
  readonly scenario: string;
  readonly connections: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

interface Scenario {
  readonly name: string;
  readonly method: "GET" | "POST";
  readonly path: string;
  /** A new path for each request instead of `path` (numbered from 0 across the whole run). */
  readonly paths?: (n: number) => string;
  /** A new body for each request (numbered from 0 across the whole run). */
  readonly body?: (n: number) => string;
  readonly headers?: Record<string, string>;
}

let sent = 0;

async function run(
  url: string,
  connections: number,
  request: Scenario,
): Promise<Omit<Row, "scenario" | "connections">> {
  const { body, paths } = request;
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method,
    connections,
    duration: DURATION_S,
    headers: request.headers ?? {},
    ...(body === undefined && paths === undefined
      ? {}
      : {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const n = sent++;
                return {
                  ...req,
                  ...(paths === undefined ? {} : { path: paths(n) }),
                  ...(body === undefined ? {} : { body: body(n) }),
                };
              },
            },
          ],
        }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const keep = process.env.BENCH_DB;
  const dir = mkdtempSync(path.join(tmpdir(), "truce-api-bench-"));
  const spec = keep ?? path.join(dir, "bench.sqlite");
  // Beside a kept database its key is kept too, so that later runs sign with the key of the earlier checkpoints.
  const keyFile = keep === undefined ? path.join(dir, "audit.key") : `${keep}.audit.key`;
  console.log(
    `HTTP API benchmark: ${TARGET.toLocaleString("en")} incidents, ${DURATION_S} s per run, ${WORKERS} server workers, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  const fillStart = performance.now();
  const { sampleId, month } = await fill(spec);
  console.log(`store ready in ${((performance.now() - fillStart) / 1000).toFixed(0)} s: ${spec}`);
  await fillAuditLog(spec, keyFile);
  const token = await partyToken(spec);
  // The server as `truce serve` runs it (the compiled build: `npm run bench:api` builds first), with one worker
  // process per core by default. Its start is awaited, so a broken server fails the benchmark instead of timing errors.
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      "bin/truce.js",
      "serve",
      "--db",
      spec,
      "--audit-key",
      keyFile,
      "--port",
      String(port),
      "--workers",
      String(WORKERS),
      "--no-samples",
    ],
    { env: { ...process.env, TRUCE_RATE_LIMIT: "1000000" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Truce is serving")) resolve();
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  // Each complaint of a different day (one every 3 days from 2017 on, never in the future) and street: one
  // event each, linked into its own window of the store. The same complaint again and again would pile every
  // report into one incident, whose linking then costs more with each complaint (445 reports: 55 ms each).
  const complaint = (n: number): string =>
    JSON.stringify({
      narrative: `Benchmark complaint ${n}: mortar fire on residential street ${n % 97} in the evening.`,
      date: new Date(Date.UTC(2017, 0, 1) + ((n * 3) % 3600) * 86_400_000).toISOString().slice(0, 10),
      datePrecision: 1,
      lat: 35.93 + (n % 7) / 100,
      lon: 36.63 + (n % 5) / 100,
      subEventType: "Shelling/artillery/missile attack",
      accused: "SY-GOV",
    });
  // Syria's fourteen governorates and the years the fill spreads the incidents over: 700 different pages.
  const governorates = [
    "SY-DI",
    "SY-RD",
    "SY-QU",
    "SY-DR",
    "SY-SU",
    "SY-HM",
    "SY-HI",
    "SY-ID",
    "SY-LA",
    "SY-TA",
    "SY-HL",
    "SY-RA",
    "SY-DY",
    "SY-HA",
  ];
  const years = Math.max(1, Math.round(TARGET / PER_YEAR));
  const scenarios: Scenario[] = [
    {
      name: "list: published incidents in one governorate, page of 100 (public)",
      method: "GET",
      path: "/api/incidents?admin1=SY-ID&limit=100",
    },
    {
      name: "list: a different governorate and year each request, page of 100 (public)",
      method: "GET",
      path: "/api/incidents?admin1=SY-ID&limit=100",
      paths: (n) => {
        const year = 2017 + (Math.floor(n / governorates.length) % years);
        return `/api/incidents?admin1=${governorates[n % governorates.length]}&from=${year}-01-01&to=${year}-12-31&limit=100`;
      },
    },
    {
      name: "get one incident with its reports (public)",
      method: "GET",
      path: `/api/incidents/${sampleId}`,
    },
    {
      name: `map data: one month, ${month.from} to ${month.to} (public)`,
      method: "GET",
      path: `/api/map?from=${month.from}&to=${month.to}`,
    },
    {
      name: "map data: no filter, 5,000 points (public; the web map's request)",
      method: "GET",
      path: "/api/map?limit=5000",
    },
    {
      name: "submit a complaint (a party's API token, JSON; a different day and street each)",
      method: "POST",
      path: "/api/complaints",
      body: complaint,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    },
  ];
  const rows: Row[] = [];
  try {
    // One request of each first, timed on its own: the first complaint loads the gazetteer and the governorates'
    // polygons, the first read of a table warms the page cache; the runs measure the server warm.
    for (const s of scenarios) {
      const t = performance.now();
      const response = await fetch(`${url}${s.paths?.(0) ?? s.path}`, {
        method: s.method,
        headers: s.headers ?? {},
        ...(s.body === undefined ? {} : { body: s.body(sent++) }),
      });
      await response.arrayBuffer();
      console.log(`${s.name}: first request ${(performance.now() - t).toFixed(0)} ms (${response.status})`);
    }
    for (const s of scenarios) {
      for (const connections of [1, 8, 64]) {
        const r = await run(url, connections, s);
        rows.push({ scenario: s.name, connections, ...r });
        console.log(
          `${s.name} @ ${connections}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors + r.non2xx > 0 ? `, ${r.errors} errors, ${r.non2xx} non-2xx` : ""} (load ${loadavg()[0]?.toFixed(2)})`,
        );
      }
    }
  } finally {
    const stopped = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
    if (keep === undefined) rmSync(dir, { recursive: true, force: true });
    else if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  console.log("\n| scenario | connections | requests/s | p50 ms | p99 ms | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`,
    );
  }
  const cache =
    process.env.TRUCE_PUBLIC_CACHE_MB === "0" ? "the public's answers not kept" : "the public's answers kept";
  for (const s of scenarios.filter((x) => x.name.startsWith("list"))) {
    const worst = Math.max(...rows.filter((r) => r.scenario === s.name).map((r) => r.p99));
    console.log(
      `target p99 < 50 ms, ${s.name} (${cache}): worst p99 ${worst} ms at 1-64 connections, ${worst < 50 ? "met" : "NOT met"}`,
    );
  }
}

await main();
