// Links new reports into the stored incidents: candidates from the store, the correlator's judgement, records back.
import { randomUUID } from "node:crypto";
import type { Agreement } from "../domain/agreement/schema.js";
import { estimatedSimilarity, minhash } from "../domain/correlation/copies.js";
import { Correlator } from "../domain/correlation/engine.js";
import { DAY_WINDOW } from "../domain/correlation/features.js";
import type { Incident } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import { addDays } from "../extraction/stages/reference-date.js";
import type { Repositories } from "../ports/store.js";
import { articleOfDocument } from "./article-of-document.js";
import { summariseIncident } from "./summarise-incident.js";

/** Estimated shingle overlap above which two documents are one text re-published (see copies.ts). */
const COPY_SIMILARITY = 0.6;

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
  const stored = new Map<string, Incident>();
  for (const report of fresh) {
    if (!report.date) continue;
    const days = DAY_WINDOW[report.datePrecision ?? 3];
    const candidates = await tx.incidents.candidates({
      from: addDays(report.date, -days - 31),
      to: addDays(report.dateEnd ?? report.date, days + 31),
      admin1: report.admin1 ? [report.admin1] : null,
    });
    for (const incident of candidates) stored.set(incident.id, incident);
  }
  const memberIds = [...stored.values()].flatMap((i) => i.reportIds);
  const members = await tx.reports.byIds(memberIds);
  const byId = new Map(members.map((r) => [r.id, r]));
  const reports = await withCopyGroups(tx, fresh, documentText, members);
  await tx.reports.insert(reports);
  const constraints = await tx.linkConstraints.forReports([...memberIds, ...reports.map((r) => r.id)]);

  const correlator = new Correlator({ newIncidentId: randomUUID, constraints });
  for (const incident of stored.values()) {
    const own = incident.reportIds.map((id) => byId.get(id)).filter((r): r is Report => r !== undefined);
    if (own.length > 0) correlator.restore(incident.id, own);
  }
  const touched = new Set<string>();
  for (const report of reports) touched.add(correlator.add(report).incidentId);

  const all = new Map([...members, ...reports].map((r) => [r.id, r]));
  let created = 0;
  let updated = 0;
  const records: Incident[] = [];
  for (const state of correlator.incidents()) {
    const previous = stored.get(state.id);
    const ids = state.reportIds;
    const changed =
      !previous ||
      previous.reportIds.length !== ids.length ||
      ids.some((id, i) => previous.reportIds[i] !== id);
    if (!changed) continue;
    if (previous) updated++;
    else created++;
    const own = ids.map((id) => all.get(id)).filter((r): r is Report => r !== undefined);
    records.push(summariseIncident(state.id, own, agreements, previous?.status ?? "open", now));
  }
  await tx.incidents.upsert(records);
  // Incidents the correlator folded into others no longer exist as such.
  for (const id of stored.keys()) if (!correlator.incident(id)) await tx.incidents.remove(id);
  return { created, updated, incidentIds: [...touched] };
}

/**
 * A wire story re-published by another outlet is one source, not corroboration: a new document that nearly
 * duplicates the document of a report already in a candidate incident joins that report's copy group.
 */
async function withCopyGroups(
  tx: Repositories,
  reports: readonly Report[],
  documentText: string,
  members: readonly Report[],
): Promise<Report[]> {
  const signature = minhash(documentText);
  const documents = new Map<string, string>();
  for (const member of members) {
    if (documents.has(member.documentId)) continue;
    const document = await tx.documents.get(member.documentId);
    if (
      document &&
      estimatedSimilarity(signature, minhash(articleOfDocument(document).text)) >= COPY_SIMILARITY
    ) {
      documents.set(member.documentId, member.copyGroup);
    } else documents.set(member.documentId, "");
  }
  const copyOf = [...documents.values()].find((group) => group !== "");
  return copyOf ? reports.map((r) => ({ ...r, copyGroup: copyOf })) : [...reports];
}
