// Turns what extraction read in one stored document into report records, one per incident it found.
import type { StoredDocument } from "../domain/records/document.js";
import type { Report } from "../domain/records/report.js";
import type { ArticleReport } from "../extraction/report.js";

export interface ReportIds {
  readonly next: () => string;
}

/**
 * A party's complaint and a monitor's observation are reports of their own kind: grading treats a monitor's
 * observation as confirmation and a party's complaint as an interested claim.
 */
export function kindOfChannel(document: StoredDocument): Report["kind"] {
  if (document.channel === "form")
    return document.source.startsWith("monitor:") ? "observation" : "complaint";
  return "press";
}

export function reportsFromArticle(
  document: StoredDocument,
  article: ArticleReport,
  copyGroup: string,
  ids: ReportIds,
  now: string,
): Report[] {
  return article.incidents.map((incident) => ({
    id: ids.next(),
    documentId: document.id,
    source: document.source,
    copyGroup,
    date: incident.date,
    dateEnd: incident.dateEnd,
    datePrecision: incident.datePrecision,
    country: incident.country,
    admin1: incident.admin1,
    location: incident.location,
    lat: incident.lat,
    lon: incident.lon,
    geoPrecision: incident.geoPrecision,
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    perpetrator: incident.perpetrator,
    target: incident.target,
    killed: incident.killed,
    kind: kindOfChannel(document),
    spans: incident.evidence.map((e) => e.span),
    summary: incident.evidence[0]?.text.replace(/\s+/g, " ").trim().slice(0, 500) ?? "",
    createdAt: now,
  }));
}
