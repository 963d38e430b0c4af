// Links new reports into the stored incidents: candidates from the store, the correlator's judgement, records back.
import { randomUUID } from "node:crypto";
import type { Agreement } from "../domain/agreement/schema.js";
import { minhash } from "../domain/correlation/copies.js";
import { countryCandidate } from "../domain/correlation/country-candidates.js";
import { Correlator } from "../domain/correlation/engine.js";
import { DAY_WINDOW } from "../domain/correlation/features.js";
import { freshStanding, type Incident } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import { addDays } from "../extraction/stages/reference-date.js";
import type { CandidateIncident, CandidateWindow, ReportDating, Repositories } from "../ports/store.js";
import { copyGroupAmong } from "./copy-group.js";
import { summariseIncident } from "./summarise-incident.js";

/** Candidates read per query: the port's default page. */
const CANDIDATE_PAGE = 500;

export interface LinkOutcome {
  readonly created: number;
  readonly updated: number;
  /** Every incident that now holds one of the new reports. */
  readonly incidentIds: readonly string[];
}

/**
 * The correlator is rebuilt around the stored incidents that could hold the new reports (same window, same
 * province), so that its judgement is the same as if it had seen every report before; the human decisions on
 * those reports come with them and are never undone.
 */
export async function linkReports(
  tx: Repositories,
  fresh: readonly Report[],
  documentText: string,
  agreements: readonly Agreement[],
  now: string,
): Promise<LinkOutcome> {
  if (fresh.length === 0) return { created: 0, updated: 0, incidentIds: [] };
  // Kept with the document, so that later documents compare against it without reading it again.
  const signature = minhash(documentText);
  for (const documentId of new Set(fresh.map((r) => r.documentId)))
    await tx.documents.saveMinhash(documentId, signature);

  const stored = new Map<string, CandidateIncident>();
  for (const report of fresh) {
    if (!report.date) continue;
    const days = DAY_WINDOW[report.datePrecision ?? 3];
    const window = {
      from: addDays(report.date, -days - 31),
      to: addDays(report.dateEnd ?? report.date, days + 31),
      admin1: report.admin1 ? [report.admin1] : null,
    };
    const found = await everyCandidate(tx, window);
    const kept = report.admin1 ? found : await countryCandidates(tx, report, found);
    for (const incident of kept) stored.set(incident.id, incident);
  }
  const memberIds = [...stored.values()].flatMap((i) => i.reportIds);
  const members = await tx.reports.byIds(memberIds);
  const byId = new Map(members.map((r) => [r.id, r]));
  const constraints = await tx.linkConstraints.forReports([...memberIds, ...fresh.map((r) => r.id)]);

  const correlator = new Correlator({ newIncidentId: randomUUID, constraints });
  for (const incident of stored.values()) {
    const own = incident.reportIds.map((id) => byId.get(id)).filter((r): r is Report => r !== undefined);
    if (own.length > 0) correlator.restore(incident.id, own);
  }
  const touched = new Set<string>();
  for (const report of fresh) touched.add(correlator.add(report).incidentId);

  const reports = await withCopyGroup(tx, fresh, signature, correlator, byId);
  await tx.reports.insert(reports);

  const all = new Map([...members, ...reports].map((r) => [r.id, r]));
  const changed = [...correlator.incidents()].filter((state) => {
    const previous = stored.get(state.id);
    return (
      !previous ||
      previous.reportIds.length !== state.reportIds.length ||
      state.reportIds.some((id, i) => previous.reportIds[i] !== id)
    );
  });
  // The decisions people took on an incident (its standing) outlive a new summary: read whole, only for these.
  const standing = new Map(
    (await tx.incidents.byIds(changed.filter((s) => stored.has(s.id)).map((s) => s.id))).map((i) => [
      i.id,
      i,
    ]),
  );
  let created = 0;
  let updated = 0;
  const records: Incident[] = [];
  for (const state of changed) {
    if (stored.has(state.id)) updated++;
    else created++;
    const own = state.reportIds.map((id) => all.get(id)).filter((r): r is Report => r !== undefined);
    records.push(summariseIncident(state.id, own, agreements, standing.get(state.id) ?? freshStanding, now));
  }
  await tx.incidents.upsert(records);
  // Incidents the correlator folded into others no longer exist as such.
  for (const id of stored.keys()) if (!correlator.incident(id)) await tx.incidents.remove(id);
  return { created, updated, incidentIds: [...touched] };
}

/**
 * Every stored incident in the window, read page by page: a cap on candidates would let a crowded window (a
 * month-precise report in a busy province) cut off the very incident the report belongs to.
 */
async function everyCandidate(tx: Repositories, window: CandidateWindow): Promise<CandidateIncident[]> {
  const out: CandidateIncident[] = [];
  let after: CandidateWindow["after"] = null;
  for (;;) {
    const page = await tx.incidents.linkCandidates({ ...window, limit: CANDIDATE_PAGE, after });
    out.push(...page);
    const last = page.at(-1);
    if (page.length < CANDIDATE_PAGE || last === undefined) return out;
    after = { date: last.date, id: last.id };
  }
}

/**
 * Of a whole country's incidents in the window of a report without an admin1, the ones the correlator's
 * blocking index offers it (same country, days within the wider precision's window; `countryCandidate`),
 * told from their reports' dates alone: the thousands it would never score are not read whole nor restored.
 */
async function countryCandidates(
  tx: Repositories,
  report: Report,
  found: readonly CandidateIncident[],
): Promise<CandidateIncident[]> {
  const datings = new Map(
    (await tx.reports.datings(found.flatMap((i) => i.reportIds))).map((d) => [d.id, d]),
  );
  return found.filter((incident) =>
    countryCandidate(
      report,
      incident.reportIds.map((id) => datings.get(id)).filter((d): d is ReportDating => d !== undefined),
    ),
  );
}

/**
 * A new document that nearly duplicates the document of a report already in an incident its reports joined
 * joins that report's copy group, all its reports alike (they are one text). Decided after correlating, which
 * reads places, dates and figures but never copy groups, so that only the joined incidents are searched.
 */
async function withCopyGroup(
  tx: Repositories,
  fresh: readonly Report[],
  signature: Uint32Array,
  correlator: Correlator,
  stored: ReadonlyMap<string, Report>,
): Promise<Report[]> {
  const neighbours: Report[] = [];
  const seen = new Set<string>();
  for (const report of fresh) {
    const state = correlator.incidentOf(report.id);
    if (state === undefined || seen.has(state.id)) continue;
    seen.add(state.id);
    for (const id of state.reportIds) {
      const member = stored.get(id);
      if (member !== undefined) neighbours.push(member);
    }
  }
  const copyOf = await copyGroupAmong(tx, signature, neighbours);
  return copyOf === null ? [...fresh] : fresh.map((r) => ({ ...r, copyGroup: copyOf }));
}
