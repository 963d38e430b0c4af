// Draws an incident's record from its reports: figures side by side, the evidence grade, the classification.
import { classify } from "../domain/agreement/classify.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { Incident, IncidentStanding } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import { fatalities, gradeIncident } from "../domain/verification/index.js";
import type { ReliabilityOptions } from "../domain/verification/reliability.js";

/** The value most reports give, ties going to the earliest: a summary for lists, never a vote on the facts. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

/** The most precisely placed and dated report speaks for where and when. */
function representative(reports: readonly Report[]): Report {
  return [...reports].sort(
    (a, b) => a.geoPrecision - b.geoPrecision || (a.datePrecision ?? 9) - (b.datePrecision ?? 9),
  )[0] as Report;
}

/**
 * The point of the most precisely placed report that has one; among equally precise points an open one is
 * preferred, so a restricted source hides the point only when nobody else gives one as good.
 */
function bestPoint(reports: readonly Report[]): Report | undefined {
  let best: Report | undefined;
  for (const r of reports) {
    if (r.lat === null || r.lon === null) continue;
    if (
      best === undefined ||
      r.geoPrecision < best.geoPrecision ||
      (r.geoPrecision === best.geoPrecision &&
        best.coordinatesRestricted === true &&
        !r.coordinatesRestricted)
    )
      best = r;
  }
  return best;
}

/**
 * Who is interested where the incident happened: the parties and guarantors of the regime the classification
 * applied, else of every regime of the agreements (a party anywhere speaks for itself). Without them a party's
 * complaint would grade as an unknown source, and a guarantor that is also a party as a neutral monitor.
 */
function gradingOptions(
  agreements: readonly Agreement[],
  applied: { readonly agreementId: string | null; readonly regimeId: string | null },
): ReliabilityOptions {
  const regimes = agreements.flatMap((a) => a.regimes.map((r) => ({ agreement: a.id, regime: r })));
  const inForce = regimes.filter(
    (r) => r.agreement === applied.agreementId && r.regime.id === applied.regimeId,
  );
  const chosen = (inForce.length > 0 ? inForce : regimes).map((r) => r.regime);
  return {
    parties: [...new Set(chosen.flatMap((r) => r.parties))],
    guarantors: [...new Set(chosen.flatMap((r) => r.guarantors))],
  };
}

/** Whose complaints (a party's) or observations (a guarantor's monitor's) are among the reports, once each. */
const complainantsOf = (reports: readonly Report[]): string[] => [
  ...new Set(reports.filter((r) => r.kind !== "press").map((r) => r.source)),
];

/**
 * The incident's record drawn from its reports; its `standing` (status, accused, publication) is people's
 * decisions and is carried over as it was (`freshStanding` for a new incident).
 */
export function summariseIncident(
  id: string,
  reports: readonly Report[],
  agreements: readonly Agreement[],
  standing: IncidentStanding,
  now: string,
): Incident {
  const lead = representative(reports);
  const perpetrators = [...new Set(reports.map((r) => r.perpetrator).filter((p): p is string => p !== null))];
  const eventType = mostCommon(reports.map((r) => r.eventType)) ?? lead.eventType;
  const subEventType =
    mostCommon(reports.filter((r) => r.eventType === eventType).map((r) => r.subEventType)) ??
    lead.subEventType;
  const classification = classify(agreements, {
    date: lead.date,
    country: lead.country,
    admin1: lead.admin1,
    lon: lead.lon,
    lat: lead.lat,
    eventType,
    subEventType,
    // Sources that disagree on the perpetrator leave the classification to the guarantors' verdict.
    perpetrator: perpetrators.length === 1 ? (perpetrators[0] ?? null) : null,
    target: mostCommon(reports.map((r) => r.target).filter((t): t is string => t !== null)) ?? null,
  });
  const point = bestPoint(reports);
  return {
    id,
    reportIds: reports.map((r) => r.id),
    date: lead.date,
    admin1: lead.admin1,
    country: lead.country,
    location: lead.location,
    eventType,
    subEventType,
    perpetrators,
    killed: fatalities(reports),
    classification: classification.classification,
    grade: gradeIncident(reports, gradingOptions(agreements, classification)).grade,
    status: standing.status,
    updatedAt: now,
    complainants: complainantsOf(reports),
    accused: standing.accused,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    coordinatesRestricted: point?.coordinatesRestricted === true,
    publishedAt: standing.publishedAt,
  };
}
