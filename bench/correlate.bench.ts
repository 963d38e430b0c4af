// Benchmark: correlate 1,000,000 synthetic reports in one process, then time linking one report into 1 M incidents.

import { Correlator } from "../src/domain/correlation/engine.js";
import { pairwiseScores } from "../src/domain/correlation/quality.js";
import { generate } from "../src/synthetic/generate.js";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const INDEX_INCIDENTS = Number(process.env.BENCH_INDEX_INCIDENTS ?? 1_000_000);
/** Incidents per year in the synthetic period: about ACLED's count for Syria in a heavy year. */
const PER_YEAR = 20_000;

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const timer = setInterval(sampleRss, 200);
const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MB`;

function period(incidents: number): number {
  return Math.max(365, Math.round((incidents / PER_YEAR) * 365));
}

// ── 1. Correlate REPORTS reports ───────────────────────────────────────────────────────────
{
  const incidents = Math.ceil(REPORTS / 2.4);
  let t = performance.now();
  const all = generate({ incidents, seed: 1, days: period(incidents) });
  const reports = all.reports.slice(0, REPORTS);
  const truth = all.truth.slice(0, REPORTS);
  const genS = (performance.now() - t) / 1000;
  sampleRss();
  console.log(
    `generated ${reports.length} reports of ${incidents} incidents over ${period(incidents)} days in ${genS.toFixed(1)} s`,
  );

  t = performance.now();
  // CPU time beside wall time: on a shared machine the wall time also counts other jobs' turns.
  const cpu = process.cpuUsage();
  const c = new Correlator();
  for (let i = 0; i < reports.length; i++) {
    c.add(reports[i] as (typeof reports)[number]);
    if ((i & 0xffff) === 0) sampleRss();
  }
  const corrS = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  sampleRss();
  console.log(
    `correlated ${reports.length} reports into ${c.incidentCount} incidents in ${corrS.toFixed(1)} s ` +
      `(${Math.round(reports.length / corrS)} reports/s; CPU ${cpuS.toFixed(1)} s), peak RSS so far ${mb(peakRss)}`,
  );
  const s = pairwiseScores(
    reports.map((r) => c.incidentOf(r.id)?.id ?? r.id),
    truth,
  );
  console.log(
    `pairwise on the full run: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)}`,
  );
}

// ── 2. Link one new report into an index of INDEX_INCIDENTS incidents ─────────────────────────
{
  const incidents = INDEX_INCIDENTS + 1000;
  const t = performance.now();
  const data = generate({ incidents, seed: 2, days: period(incidents), maxReportsPerIncident: 1 });
  console.log(
    `generated ${data.reports.length} single-report incidents in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const c = new Correlator();
  const probeEvery = Math.floor(data.reports.length / 1000);
  const probes = [];
  const t2 = performance.now();
  // The index is loaded as from a store (restore: each stored incident as it is, not re-judged); every
  // probeEvery-th report is held back and then linked, one at a time, against the full index.
  for (let i = 0; i < data.reports.length; i++) {
    const r = data.reports[i] as (typeof data.reports)[number];
    if (i % probeEvery === 0 && probes.length < 1000) probes.push(r);
    else c.restore(`s${i}`, [r]);
    if ((i & 0xffff) === 0) sampleRss();
  }
  console.log(
    `index loaded: ${c.incidentCount} incidents in ${((performance.now() - t2) / 1000).toFixed(1)} s`,
  );
  const held = c.incidentCount;
  const times: number[] = [];
  for (const r of probes) {
    const t0 = process.hrtime.bigint();
    c.add(r);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  console.log(
    `link one report into an index of ${held} incidents: median ${at(0.5).toFixed(1)} µs, ` +
      `p99 ${at(0.99).toFixed(1)} µs over ${times.length} reports`,
  );
}

sampleRss();
clearInterval(timer);
console.log(`peak RSS ${mb(peakRss)}`);
