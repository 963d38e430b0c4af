// Synthetic incidents as the store-backed benchmarks write them: the generator's reports of a batch re-keyed so
// that batches never collide, one plain-text document per true incident (reports need a stored document), and
// the incident each group of reports makes.
import { createHash } from "node:crypto";
import { summariseIncident } from "../src/application/summarise-incident.js";
import type { Agreement } from "../src/domain/agreement/schema.js";
import type { StoredDocument } from "../src/domain/records/document.js";
import type { Incident, IncidentStanding } from "../src/domain/records/incident.js";
import type { Report } from "../src/domain/records/report.js";
import { generate } from "../src/synthetic/index.js";

/** The time the fills record as "now": fixed, so that a kept file's rows do not depend on when it was filled. */
export const FILL_NOW = "2026-11-28T00:00:00.000Z";

/** Incidents per year in the synthetic period: about ACLED's count for Syria in a heavy year (as bench:correlate). */
export const PER_YEAR = 20_000;

/** Days the synthetic period spans for a store of `incidents` incidents (a year at least). */
export const daysFor = (incidents: number): number => Math.max(365, Math.round((incidents / PER_YEAR) * 365));

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");

/** One plain-text document standing for an incident's article(s), named `id`. */
export function documentFor(id: string, reports: readonly Report[]): StoredDocument {
  const body = reports.map((r) => r.summary).join("\n\n");
  const lead = reports[0] as Report;
  return {
    id,
    source: lead.source,
    channel: "file",
    origin: null,
    receivedAt: lead.createdAt,
    contentHash: sha(`${id}\n${body}`),
    contentType: "text/plain",
    body,
    title: null,
    published: lead.createdAt.slice(0, 10),
  };
}

/** The reports of `incidents` true incidents by their true incident, ids prefixed with `prefix`. */
export function reportsByTruth(
  prefix: string,
  incidents: number,
  seed: number,
  days: number,
): Map<string, Report[]> {
  const data = generate({ incidents, seed, days });
  const groups = new Map<string, Report[]>();
  data.reports.forEach((r, i) => {
    const truth = data.truth[i] as string;
    const report: Report = {
      ...r,
      id: `${prefix}${r.id}`,
      copyGroup: `${prefix}${r.copyGroup}`,
      documentId: `${prefix}${truth}`,
    };
    const group = groups.get(truth);
    if (group) group.push(report);
    else groups.set(truth, [report]);
  });
  return groups;
}

export interface SyntheticBatch {
  readonly incidents: Incident[];
  readonly reports: Report[];
  readonly documents: StoredDocument[];
}

/**
 * Batch `batchNo` of a fill: `count` true incidents generated with seed 1000 + batchNo, ids prefixed `b<batchNo>-`
 * (document `b<n>-<truth>`, incident `b<n>-i<truth>`), each incident given the standing `standingOf` says.
 */
export function syntheticBatch(
  batchNo: number,
  count: number,
  days: number,
  agreements: readonly Agreement[],
  standingOf: (k: number, lead: Report) => IncidentStanding,
): SyntheticBatch {
  const prefix = `b${batchNo}-`;
  const batch: SyntheticBatch = { incidents: [], reports: [], documents: [] };
  let k = 0;
  for (const [truth, own] of reportsByTruth(prefix, count, 1000 + batchNo, days)) {
    batch.documents.push(documentFor(`${prefix}${truth}`, own));
    batch.reports.push(...own);
    const standing = standingOf(k++, own[0] as Report);
    batch.incidents.push(summariseIncident(`${prefix}i${truth}`, own, agreements, standing, FILL_NOW));
  }
  return batch;
}
