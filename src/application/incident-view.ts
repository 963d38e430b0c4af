// Everything known about one incident in one value: its reports side by side, decisions and audit trail (CLI and API).

import type { AuditEntry } from "../domain/audit/entry.js";
import type { StoredDocument } from "../domain/records/document.js";
import type { Incident } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import type { Position, Reply, Verdict } from "../domain/records/verification.js";
import type { Span } from "../domain/text/span.js";
import { TruceError } from "../errors.js";
import type { Repositories } from "../ports/store.js";
import { articleOfDocument } from "./article-of-document.js";
import { auditEntriesAbout } from "./audit-trail.js";

export interface DocumentSummary {
  readonly id: string;
  readonly source: string;
  readonly channel: StoredDocument["channel"];
  readonly origin: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly receivedAt: string;
}

export interface SupportingText {
  readonly span: Span;
  readonly text: string;
}

export interface ReportSide {
  readonly report: Report;
  /** Null only if the document row is missing, which the store's foreign keys should make impossible. */
  readonly document: DocumentSummary | null;
  /** The document's text at each of the report's spans: what the report was read from. */
  readonly supportingText: readonly SupportingText[];
  /** Why the text could not be shown, when it could not. */
  readonly textProblem: string | null;
}

/** The facts compared across reports; the source is left out, since differing sources are the point. */
export const comparedFields = [
  "date",
  "place",
  "type",
  "subType",
  "perpetrator",
  "target",
  "killed",
] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface FieldComparison {
  readonly field: ComparedField;
  /** One value per report, in report order; null where the report does not say. */
  readonly values: readonly (string | null)[];
  /** Reports that state the field state more than one value. Silence is not disagreement. */
  readonly disagree: boolean;
}

export interface IncidentView {
  readonly incident: Incident;
  readonly reports: readonly ReportSide[];
  readonly comparison: readonly FieldComparison[];
  /** Oldest first. */
  readonly positions: readonly Position[];
  readonly verdict: {
    readonly latest: Verdict | null;
    /** Every earlier verdict, newest first: each was superseded by a later recorded decision. */
    readonly superseded: readonly Verdict[];
  };
  readonly replies: readonly Reply[];
  /** Entries about the incident or any of its reports, documents, positions, verdicts or replies, by seq. */
  readonly audit: readonly AuditEntry[];
}

/** Spans point into the article text read from the body (not into the raw JSON or HTML), so read it the same way. */
const articleText = (document: StoredDocument): string => articleOfDocument(document).text;

const dateOf = (r: Report): string | null =>
  r.date === null ? null : r.dateEnd !== null && r.dateEnd !== r.date ? `${r.date}..${r.dateEnd}` : r.date;

const statedValue: Record<ComparedField, (r: Report) => string | null> = {
  date: dateOf,
  place: (r) => `${r.location}, ${r.admin1 ?? r.country}`,
  type: (r) => r.eventType,
  subType: (r) => r.subEventType,
  perpetrator: (r) => r.perpetrator,
  target: (r) => r.target,
  killed: (r) => (r.killed === null ? null : String(r.killed)),
};

export function compareReports(reports: readonly Report[]): FieldComparison[] {
  return comparedFields.map((field) => {
    const values = reports.map(statedValue[field]);
    const stated = new Set(values.filter((v): v is string => v !== null));
    return { field, values, disagree: stated.size > 1 };
  });
}

async function sideOf(
  report: Report,
  documents: Map<string, Promise<StoredDocument | null>>,
  repositories: Repositories,
): Promise<ReportSide> {
  // Several reports often come from one document: read it once.
  let pending = documents.get(report.documentId);
  if (pending === undefined) {
    pending = repositories.documents.get(report.documentId);
    documents.set(report.documentId, pending);
  }
  const document = await pending;
  if (document === null) {
    return { report, document: null, supportingText: [], textProblem: "the document is not stored" };
  }
  const summary: DocumentSummary = {
    id: document.id,
    source: document.source,
    channel: document.channel,
    origin: document.origin,
    title: document.title,
    published: document.published,
    receivedAt: document.receivedAt,
  };
  let text: string;
  try {
    text = articleText(document);
  } catch (error) {
    // The view must still show the report: a document that no longer parses is a finding, not a crash.
    const why = error instanceof Error ? error.message : String(error);
    return { report, document: summary, supportingText: [], textProblem: why };
  }
  const supportingText = report.spans.map((span) => ({ span, text: text.slice(span.start, span.end) }));
  return { report, document: summary, supportingText, textProblem: null };
}

/** The incident's view, or null when no incident has this exact id. */
export async function incidentView(repositories: Repositories, id: string): Promise<IncidentView | null> {
  const incident = await repositories.incidents.get(id);
  if (incident === null) return null;
  const [reports, positions, verdicts, latest, replies] = await Promise.all([
    repositories.reports.byIds(incident.reportIds),
    repositories.positions.byIncident(id),
    repositories.verdicts.byIncident(id),
    repositories.verdicts.latest(id),
    repositories.replies.byIncident(id),
  ]);
  const documents = new Map<string, Promise<StoredDocument | null>>();
  const sides = await Promise.all(reports.map((r) => sideOf(r, documents, repositories)));
  const subjects = new Set<string>([
    incident.id,
    ...reports.flatMap((r) => [r.id, r.documentId]),
    ...positions.map((p) => p.id),
    ...verdicts.map((v) => v.id),
    ...replies.map((r) => r.id),
  ]);
  const audit = await auditEntriesAbout(repositories, [...subjects]);
  return {
    incident,
    reports: sides,
    comparison: compareReports(reports),
    positions,
    verdict: {
      latest,
      superseded: verdicts.filter((v) => v.id !== latest?.id).reverse(),
    },
    replies,
    audit,
  };
}

/** How many incidents a short-id lookup reads at most before asking for the full id. */
const PREFIX_SCAN_LIMIT = 200_000;
const PAGE = 1000;

/**
 * The full id of the incident `idOrPrefix` names: the id itself, or the one incident whose id starts with it
 * (lists print 8-character ids). Throws TRUCE_E_INCIDENT_NOT_FOUND or, for an ambiguous prefix, TRUCE_E_USAGE.
 */
export async function resolveIncidentId(repositories: Repositories, idOrPrefix: string): Promise<string> {
  const wanted = idOrPrefix.trim().toLowerCase();
  if ((await repositories.incidents.get(wanted)) !== null) return wanted;
  const notFound = new TruceError(
    "TRUCE_E_INCIDENT_NOT_FOUND",
    `no incident ${JSON.stringify(idOrPrefix)} is stored; \`truce incidents\` lists them`,
    { subject: idOrPrefix },
  );
  if (!/^[0-9a-f-]{4,35}$/.test(wanted)) throw notFound;
  // The port has no prefix lookup, so a short id walks the list; fine for the stores a person browses by hand.
  const matches: string[] = [];
  let after: string | null = null;
  for (let read = 0; read < PREFIX_SCAN_LIMIT; read += PAGE) {
    const page = await repositories.incidents.list({ sort: "date", order: "asc", limit: PAGE, after });
    for (const i of page.items) if (i.id.startsWith(wanted)) matches.push(i.id);
    if (page.next === null) break;
    after = page.next;
  }
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `${JSON.stringify(idOrPrefix)} is the start of ${matches.length} incident ids (${matches.slice(0, 5).join(", ")}${matches.length > 5 ? ", …" : ""}): give more of the id`,
      { subject: idOrPrefix },
    );
  }
  throw notFound;
}
