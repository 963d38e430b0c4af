// One incident's view with the actors its reader may not be told of left out, under the agreement's
// `nameParties` (see src/domain/publication/party-naming.ts): every place the view could name a side.
import { compareReports, type IncidentView } from "../application/incident-view.js";
import type { AuditEntry } from "../domain/audit/entry.js";
import {
  namedOrNull,
  type PartyNaming,
  WITHHELD,
  withholdDocumentNames,
  withholdIncidentNames,
  withholdReportNames,
} from "../domain/publication/party-naming.js";
import type { Verdict } from "../domain/records/verification.js";

export interface NamedIncidentView extends IncidentView {
  /** Whether every actor is named to this reader; when not, withheld names are null, left out, or empty. */
  readonly partiesNamed: boolean;
}

const strings = (payload: AuditEntry["payload"], keys: readonly string[]): string[] =>
  keys.map((k) => payload[k]).filter((v): v is string => typeof v === "string");

/** The actors an audit entry's payload names (as the use cases that append them write them). */
function actorsIn(entry: AuditEntry): string[] {
  switch (entry.kind) {
    case "document_accepted":
      // A complaint's or an observation's document is accepted under its maker's name; an outlet is no side.
      return entry.payload.channel === "form" ? strings(entry.payload, ["source"]) : [];
    case "position_recorded":
    case "party_notified":
    case "reply_recorded":
      return strings(entry.payload, ["party"]);
    case "verdict_recorded":
      return strings(entry.payload, ["attributedParty"]);
    case "publication":
      return strings(entry.payload, ["accused"]);
    default:
      return [];
  }
}

const verdictNamed = (verdict: Verdict, naming: PartyNaming): Verdict => ({
  ...verdict,
  attributedParty: namedOrNull(naming, verdict.attributedParty),
});

/**
 * The view as this reader may be told of it. An audit entry that names a withheld actor is left out whole: its
 * inclusion proof hashes its content as written, so a blanked copy would read as tampering.
 */
export function withholdViewNames(view: IncidentView, naming: PartyNaming): NamedIncidentView {
  if (naming.all) return { ...view, partiesNamed: true };
  const reports = view.reports.map((side) => ({
    ...side,
    report: withholdReportNames(side.report, naming),
    document: side.document === null ? null : withholdDocumentNames(side.document, naming),
  }));
  return {
    ...view,
    incident: withholdIncidentNames(view.incident, naming),
    reports,
    comparison: compareReports(reports.map((s) => s.report)),
    positions: view.positions.map((p) => ({ ...p, party: namedOrNull(naming, p.party) })),
    verdict: {
      latest: view.verdict.latest === null ? null : verdictNamed(view.verdict.latest, naming),
      superseded: view.verdict.superseded.map((v) => verdictNamed(v, naming)),
    },
    replies: view.replies.map((r) => (naming.names(r.party) ? r : { ...r, party: WITHHELD })),
    audit: view.audit.filter((e) => actorsIn(e).every(naming.names)),
    partiesNamed: false,
  };
}
