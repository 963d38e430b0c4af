// What of the incidents a principal may read: the store filters lists and single reads by `visibilityOf`; this
// adds what the agreement's publication policy says (who reads published material, whether parties are named)
// and which reports of a readable incident the principal may see.
import { type IncidentVisibility, type Principal, visibilityOf } from "../domain/access/principal.js";
import { redactIncident } from "../domain/access/redact.js";
import type { Agreement } from "../domain/agreement/schema.js";
import { readsPublications } from "../domain/publication/audience.js";
import { agreementOf, publishedView } from "../domain/publication/published-view.js";
import type { Incident } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";

/**
 * The incidents the principal reads, or null for none: a reader outside the agreement's audience reads no
 * published material, and the public or an observer reads nothing else.
 */
export function readerVisibility(principal: Principal, agreement: Agreement): IncidentVisibility | null {
  const visibility = visibilityOf(principal);
  if (visibility.scope === "published" && !readsPublications(principal, agreement.publication.audience)) {
    return null;
  }
  return visibility;
}

/**
 * Which of an incident's reports the principal may read: all of a published incident's (they are published
 * material), else, for a party, the press's and its own complaints only: never another party's unpublished
 * complaint, nor a monitor's observation before the guarantors publish.
 */
export function readableReport(incident: Incident, report: Report, visibility: IncidentVisibility): boolean {
  if (visibility.scope === "all" || incident.status === "published") return true;
  if (visibility.scope === "published") return false;
  return report.kind === "press" || report.source === visibility.party;
}

/**
 * An incident as the principal may read it: restricted fields redacted; published, with parties named only as
 * the agreement's policy says; before it is published, a party told of no complainant but itself.
 */
export function shownIncident(incident: Incident, principal: Principal, agreement: Agreement): Incident {
  if (incident.status === "published") {
    const policy = agreementOf([agreement], incident)?.publication ?? null;
    return publishedView(incident, principal, policy).incident;
  }
  const visibility = visibilityOf(principal);
  const complainants =
    visibility.scope === "party"
      ? incident.complainants.filter((c) => c === visibility.party)
      : incident.complainants;
  return redactIncident(
    complainants.length === incident.complainants.length ? incident : { ...incident, complainants },
    principal,
  );
}
