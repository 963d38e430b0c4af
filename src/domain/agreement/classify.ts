// Classifies an incident against the agreements: violation, excluded, not applicable or undetermined, naming the clause.
//
// Only the incident's attributed actors count. A party's claim that its target was an excluded group
// ("we struck Nusra") is not decisive here: it is a claim of its own, assessed in verification, and only
// becomes the incident's target if the incident is attributed that way.

import { type Classification, eventTypeOf, eventTypes, type SubEventType } from "../ontology.js";
import { type Place, type RegimeInForce, regimeInForce } from "./in-force.js";
import { type Agreement, type Clause, clauseById, type ProhibitedAct, type Regime } from "./schema.js";

export interface ClassifiableIncident extends Place {
  /** YYYY-MM-DD, or null when unknown. */
  date: string | null;
  eventType: string | null;
  subEventType: string | null;
  /** Canonical actor ids, or null when the reports name none. */
  perpetrator: string | null;
  target: string | null;
}

export interface ClassificationResult {
  classification: Classification;
  agreementId: string | null;
  regimeId: string | null;
  /** The clause the result rests on; null when no regime applies or the act's kind is unknown. */
  clause: Clause | null;
  /** One sentence a monitor can check. */
  reason: string;
}

export interface ClassifyOptions {
  /** The date to use when the incident has none (e.g. the publication date). */
  reference?: string | null;
}

const knownSubEventType = (value: string): value is SubEventType =>
  Object.values(eventTypes).some((subs) => (subs as readonly string[]).includes(value));

/** The event type of an incident, derived from its sub-event type when only that is given. */
const eventTypeOfIncident = (incident: ClassifiableIncident): string | null => {
  if (incident.eventType !== null) return incident.eventType;
  if (incident.subEventType !== null && knownSubEventType(incident.subEventType)) {
    return eventTypeOf(incident.subEventType);
  }
  return null;
};

/** The first prohibited-act rule of a regime matching the act, if any. */
export const prohibitedActFor = (
  regime: Regime,
  eventType: string,
  subEventType: string | null,
): ProhibitedAct | undefined =>
  regime.prohibited.find(
    (act) =>
      act.eventType === eventType &&
      (act.subEventTypes === undefined ||
        (subEventType !== null && act.subEventTypes.includes(subEventType))),
  );

const placeText = (incident: ClassifiableIncident): string =>
  [incident.admin1, incident.country].filter((v) => v !== null).join(", ") || "an unknown place";

const describeAct = (eventType: string, subEventType: string | null): string =>
  subEventType === null ? eventType : `${eventType} / ${subEventType}`;

const clauseOf = (regime: Regime, id: string): Clause => clauseById(regime, id) ?? { id, text: "" };

/** Classifies one incident against the regime in force at its place and date. */
export function classify(
  agreements: readonly Agreement[],
  incident: ClassifiableIncident,
  options: ClassifyOptions = {},
): ClassificationResult {
  const inForce = regimeInForce(agreements, incident, incident.date, options.reference ?? null);
  if (inForce === null) {
    const when = incident.date ?? options.reference ?? "an unknown date";
    return {
      classification: "not_applicable",
      agreementId: null,
      regimeId: null,
      clause: null,
      reason: `no ceasefire regime is in force at ${placeText(incident)} on ${when}`,
    };
  }
  return classifyUnder(inForce, incident);
}

/** Classifies an incident under a regime already known to apply to it. */
export function classifyUnder(inForce: RegimeInForce, incident: ClassifiableIncident): ClassificationResult {
  const { agreement, regime, zone } = inForce;
  const under = zone === null ? regime.title : `${regime.title} (${zone.name})`;
  const result = (
    classification: Classification,
    clause: Clause | null,
    reason: string,
  ): ClassificationResult => ({
    classification,
    agreementId: agreement.id,
    regimeId: regime.id,
    clause,
    reason: `${reason} under ${under}`,
  });
  const { perpetrator, target } = incident;

  for (const [role, actor] of [
    ["perpetrator", perpetrator],
    ["target", target],
  ] as const) {
    const excluded = regime.excluded.find((e) => e.actor === actor);
    if (excluded !== undefined) {
      return result(
        "excluded",
        clauseOf(regime, excluded.clause),
        `the ${role} ${actor} is an excluded group`,
      );
    }
  }

  const eventType = eventTypeOfIncident(incident);
  if (eventType === null) return result("undetermined", null, "the kind of act is unknown");
  const act = describeAct(eventType, incident.subEventType);
  const rule = prohibitedActFor(regime, eventType, incident.subEventType);
  if (rule === undefined) return result("not_applicable", null, `${act} is not a prohibited act`);
  const clause = clauseOf(regime, rule.clause);

  const isParty = (actor: string): boolean => regime.parties.includes(actor);
  const isCivilian = (actor: string): boolean => agreement.civilians.includes(actor);

  if (perpetrator !== null && !isParty(perpetrator)) {
    return result("undetermined", clause, `${act} by ${perpetrator}, which is not bound by the agreement`);
  }
  const by = perpetrator ?? "an unidentified perpetrator";
  if (target === null) {
    const unsure =
      rule.ifTargetUnknown === "undetermined" ||
      (perpetrator === null && rule.ifPerpetratorUnknown === "undetermined");
    return result(
      unsure ? "undetermined" : "violation",
      clause,
      `${act} by ${by} against an unidentified target`,
    );
  }
  if (target === perpetrator) {
    return result("undetermined", clause, `${act} within one party (${target}) is not between parties`);
  }
  if (!isParty(target) && !isCivilian(target)) {
    return result(
      "undetermined",
      clause,
      `${act} by ${by} against ${target}, which is not bound by the agreement`,
    );
  }
  if (perpetrator === null) {
    return result(
      rule.ifPerpetratorUnknown,
      clause,
      `${act} by an unidentified perpetrator against ${target}`,
    );
  }
  return result("violation", clause, `${act} by the bound party ${perpetrator} against ${target}`);
}
