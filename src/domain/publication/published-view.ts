// An incident as published material shows it to one reader: restricted fields redacted, parties named or not.
import { type Principal, seesRestricted } from "../access/principal.js";
import { redactIncident } from "../access/redact.js";
import type { Agreement } from "../agreement/schema.js";
import type { Incident } from "../records/incident.js";
import type { PublicationPolicy } from "./due.js";
import { inTerritory } from "./due.js";
import { partyNaming, withholdIncidentNames } from "./party-naming.js";

export interface PublishedView {
  readonly incident: Incident;
  /** Its point was rounded: the source restricted it and the reader may not see restricted fields. */
  readonly coordinatesRounded: boolean;
  /**
   * Whether the accused, the perpetrators the sources name and the complainants are shown; when not, a party's
   * representative is still shown its own party (see party-naming.ts), which says nothing of the other sides.
   */
  readonly partiesNamed: boolean;
}

/**
 * The incident for this reader under the policy of the agreement it falls under; with no agreement covering it
 * (null), parties are named only to those who may see restricted fields, as the strictest policy would.
 */
export function publishedView(
  incident: Incident,
  principal: Principal,
  policy: Pick<PublicationPolicy, "nameParties"> | null,
): PublishedView {
  const naming = partyNaming(principal, policy);
  return {
    incident: withholdIncidentNames(redactIncident(incident, principal), naming),
    coordinatesRounded: incident.coordinatesRestricted && incident.lat !== null && !seesRestricted(principal),
    partiesNamed: naming.all,
  };
}

/** The agreement whose territory the incident lies in (the first listed, when territories overlap), or null. */
export function agreementOf<A extends Pick<Agreement, "territory">>(
  agreements: readonly A[],
  incident: Pick<Incident, "country" | "admin1">,
): A | null {
  return agreements.find((a) => inTerritory(a, incident)) ?? null;
}
