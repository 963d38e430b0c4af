// What of the incidents a principal may read: the store filters lists and single reads by `visibilityOf`; this
// adds what the agreement's publication policy says (who reads published material, whether parties are named)
// and which reports of a readable incident the principal may see.
import { type IncidentVisibility, type Principal, visibilityOf } from "../domain/access/principal.js";
import { redactIncident, redactPoint } from "../domain/access/redact.js";
import type { Agreement } from "../domain/agreement/schema.js";
import { readsPublications } from "../domain/publication/audience.js";
import {
  namedOrNull,
  type PartyNaming,
  partyNaming,
  withholdIncidentNames,
} from "../domain/publication/party-naming.js";
import { agreementOf, publishedView } from "../domain/publication/published-view.js";
import type { Incident } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import { TruceError } from "../errors.js";
import type { IncidentPoint } from "../ports/store.js";

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
 * Whom the principal may be told of about this incident: the publication policy of the agreement whose territory
 * it lies in (published or not: a name withheld from the published record is not told before it either).
 */
export function partyNamingFor(
  principal: Principal,
  agreement: Agreement,
  incident: Pick<Incident, "country" | "admin1">,
): PartyNaming {
  const covering = agreementOf([agreement], incident);
  return partyNaming(principal, covering?.publication ?? null, covering?.civilians ?? []);
}

/**
 * An incident as the principal may read it: restricted fields redacted and parties named only as the
 * agreement's policy says; before it is published, a party told of no complainant but itself.
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
  return withholdIncidentNames(
    redactIncident(
      complainants.length === incident.complainants.length ? incident : { ...incident, complainants },
      principal,
    ),
    partyNamingFor(principal, agreement, incident),
  );
}

/**
 * A map point as the principal may read it: a restricted point rounded, the accused named only as the
 * agreement's policy says. A point carries no place code, so the policy is the served agreement's own.
 */
export function shownPoint(point: IncidentPoint, principal: Principal, agreement: Agreement): IncidentPoint {
  const naming = partyNaming(principal, agreement.publication, agreement.civilians);
  const redacted = redactPoint(point, principal);
  return naming.all ? redacted : { ...redacted, accused: namedOrNull(naming, redacted.accused) };
}

/**
 * A party filter names who is blamed as surely as a name on the incident: a reader the agreement tells of no
 * party (its policy withholds names) may filter only by the actors it may be told of.
 */
export function checkPartyFilter(
  parties: readonly string[] | undefined,
  principal: Principal,
  agreement: Agreement,
): void {
  if (parties === undefined) return;
  const naming = partyNaming(principal, agreement.publication, agreement.civilians);
  const withheld = parties.filter((p) => !naming.names(p));
  if (withheld.length > 0) {
    throw new TruceError(
      "TRUCE_E_INVALID_INPUT",
      `party: ${agreement.id} does not name parties to this reader, so incidents cannot be filtered by ${withheld.join(", ")}; leave the party filter out`,
      { subject: "party" },
    );
  }
}
