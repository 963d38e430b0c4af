// Which actors a reader is told of under the agreement's `nameParties`: the one rule every view of an incident
// (lists, the incident page, the map, documents, exports, bulletins) applies before a party's name leaves.
import { type Principal, seesRestricted } from "../access/principal.js";
import type { Incident } from "../records/incident.js";
import type { Report } from "../records/report.js";
import { namesParties } from "./audience.js";
import type { PublicationPolicy } from "./due.js";

export interface PartyNaming {
  /** Every actor is named to this reader: the policy names the parties, or the reader judges them. */
  readonly all: boolean;
  /** Whether this actor may be named to the reader. */
  names(actor: string): boolean;
}

/**
 * The naming rule for one reader. With `nameParties: false` only the guarantors and administrators are told who
 * did what; anyone else is told of no actor but the civilians (naming a victim blames no side) and, for a
 * party's representative, its own party: a party is never hidden from itself. With no agreement covering the
 * incident (null), names go only to those who may see restricted fields, as the strictest policy would.
 */
export function partyNaming(
  principal: Principal,
  policy: Pick<PublicationPolicy, "nameParties"> | null,
  civilians: readonly string[] = [],
): PartyNaming {
  const all = policy === null ? seesRestricted(principal) : namesParties(principal, policy);
  const own = principal.role === "party" ? principal.party : null;
  return { all, names: (actor) => all || actor === own || civilians.includes(actor) };
}

/** The actor if the reader may be told of it, else null. */
export const namedOrNull = (naming: PartyNaming, actor: string | null): string | null =>
  actor !== null && naming.names(actor) ? actor : null;

/** The incident with the actors the reader may not be told of left out: who did it, who is accused, who complained. */
export function withholdIncidentNames(incident: Incident, naming: PartyNaming): Incident {
  if (naming.all) return incident;
  return {
    ...incident,
    perpetrators: incident.perpetrators.filter(naming.names),
    accused: namedOrNull(naming, incident.accused),
    complainants: incident.complainants.filter(naming.names),
  };
}

/**
 * Withheld names in places that always hold a name (a report's source, a reply's party) read as this: the
 * response's `partiesNamed: false` says why.
 */
export const WITHHELD = "";

/**
 * The report with the actors the reader may not be told of left out. A complaint's or an observation's source
 * is the party or monitor that made it, and names a side as surely as the accused; an outlet is no side.
 */
export function withholdReportNames(report: Report, naming: PartyNaming): Report {
  if (naming.all) return report;
  return {
    ...report,
    perpetrator: namedOrNull(naming, report.perpetrator),
    target: namedOrNull(naming, report.target),
    source: report.kind === "press" || naming.names(report.source) ? report.source : WITHHELD,
  };
}

/**
 * A stored document's summary with a complaint's or observation's maker left out: its source is the maker and
 * its title says who complained. An outlet's article is what the outlet published.
 */
export function withholdDocumentNames<
  D extends { readonly source: string; readonly channel: string; readonly title: string | null },
>(document: D, naming: PartyNaming): D {
  if (naming.all || document.channel !== "form" || naming.names(document.source)) return document;
  return { ...document, source: WITHHELD, title: null };
}
