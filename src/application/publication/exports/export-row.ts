// The one flat row every export format is written from: an incident as the reader may see it, in ACLED's terms.
import type { Names } from "../../../domain/publication/names.js";
import type { Report } from "../../../domain/records/report.js";
import type { PublishedRecord } from "../published-records.js";

export interface ExportRow {
  readonly id: string;
  /** `${country}-${incident id}`: ACLED's event id is a country prefix and a number; ours is the incident id. */
  readonly eventIdCountry: string;
  readonly date: string | null;
  readonly year: number | null;
  /** ACLED time precision (1 day, 2 week, 3 month) of the most precisely dated report. */
  readonly timePrecision: number | null;
  readonly disorderType: string;
  readonly eventType: string;
  readonly subEventType: string;
  /** The party held responsible: the verdict's attribution, else the one perpetrator all sources name. */
  readonly actor1: string;
  readonly actor1Id: string | null;
  /** Perpetrators the sources name beside actor1 when they disagree (ACLED's associated actors). */
  readonly assocActor1: readonly string[];
  readonly inter1: number | null;
  readonly actor2: string;
  readonly actor2Id: string | null;
  readonly inter2: number | null;
  /** ACLED's interaction code: the two actor types' codes, smaller first (10 × the one when alone). */
  readonly interaction: number | null;
  readonly civilianTargeting: boolean;
  readonly country: string;
  readonly countryName: string;
  readonly admin1: string | null;
  readonly admin1Name: string | null;
  readonly location: string;
  readonly lat: number | null;
  readonly lon: number | null;
  /** The coordinates were rounded to 0.1° because the source restricted them and the reader may not see them. */
  readonly coordinatesRounded: boolean;
  readonly geoPrecision: number | null;
  /** The sources, once each: outlets by name; complaints and observations by the party or state that made them. */
  readonly sources: readonly string[];
  readonly sourceScale: string;
  readonly notes: string;
  readonly killed: { readonly low: number; readonly best: number; readonly high: number } | null;
  /** The parties the sources name as perpetrators: the claims, side by side. */
  readonly claimedPerpetrators: readonly string[];
  /** The party the verdict attributes the violation to: the verified. */
  readonly accused: string | null;
  readonly classification: string;
  readonly grade: string;
  readonly publishedAt: string | null;
  readonly updatedAt: string;
  /** Whether the agreement's policy left the parties unnamed for this reader. */
  readonly partiesNamed: boolean;
}

/** ACLED's actor types: 1 state forces, 2 rebel groups, 7 civilians, 8 external/other forces. */
function interCode(actorId: string | null, incidentCountry: string, names: Names): number | null {
  if (actorId === null) return null;
  switch (names.actorKind(actorId)) {
    case "government_forces":
    case "state":
      return names.actorCountry(actorId) === incidentCountry ? 1 : 8;
    case "armed_group":
      return 2;
    case "civilians":
      return 7;
    case "organisation":
    case "monitor":
    case "other":
      return 8;
    case "source":
    case null:
      return null;
  }
}

function interaction(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return null;
  if (a === null || b === null) return (a ?? b ?? 0) * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

/** The value most reports give (ties to the earliest): a summary for the row, never a vote on the facts. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

const minOf = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.min(...known);
};

const scaleOf: Readonly<Record<Report["kind"], string>> = {
  press: "Press",
  complaint: "Party complaint",
  observation: "Monitor observation",
};

function sourcesOf(reports: readonly Report[], partiesNamed: boolean, names: Names): string[] {
  const out = new Set<string>();
  for (const r of reports) {
    if (r.kind === "press") out.add(r.source);
    // Who complained names a side as surely as who is accused: hidden under the same policy.
    else if (!partiesNamed)
      out.add(r.kind === "complaint" ? "a party's complaint" : "a monitor's observation");
    else out.add(`${r.kind === "complaint" ? "complaint" : "observation"} of ${names.actorName(r.source)}`);
  }
  return [...out];
}

function notesOf(row: Omit<ExportRow, "notes">, names: Names): string {
  const when = row.date === null ? "On an unknown date" : `On ${row.date}`;
  const where = [row.location, row.admin1Name ?? row.admin1, row.countryName].filter(
    (s) => s !== null && s !== "",
  );
  const who =
    row.actor1Id !== null ? ` by ${row.actor1}` : row.partiesNamed ? "" : " (the parties are not named)";
  const killed =
    row.killed === null
      ? ""
      : row.killed.low === row.killed.high
        ? ` ${row.killed.best} killed.`
        : ` ${row.killed.low} to ${row.killed.high} killed (best estimate ${row.killed.best}).`;
  const claims =
    row.partiesNamed && row.claimedPerpetrators.length > 1
      ? ` Sources disagree on the perpetrator: ${row.claimedPerpetrators.map((p) => names.actorName(p)).join(", ")}.`
      : "";
  const verdict =
    row.accused !== null
      ? ` The guarantors attribute the violation to ${names.actorName(row.accused)}.`
      : row.classification === "violation" && row.partiesNamed
        ? " A violation of the agreement."
        : "";
  return `${when}, ${row.subEventType.toLowerCase()} in ${where.join(", ")}${who}.${killed}${claims}${verdict}`;
}

/** The row of one published record; `names` turns ids into what a reader reads. */
export function exportRow(record: PublishedRecord, names: Names): ExportRow {
  const { incident, reports, partiesNamed } = record;
  const perpetrators = partiesNamed ? incident.perpetrators : [];
  const accused = partiesNamed ? incident.accused : null;
  const actor1Id = accused ?? (perpetrators.length === 1 ? (perpetrators[0] ?? null) : null);
  const targetId = mostCommon(reports.map((r) => r.target).filter((t): t is string => t !== null));
  const civilianTarget = targetId !== null && names.actorKind(targetId) === "civilians";
  // With the parties unnamed, a target that is a party would name the other side by elimination.
  const actor2Id = partiesNamed || civilianTarget ? targetId : null;
  const inter1 = interCode(actor1Id, incident.country, names);
  const inter2 = interCode(actor2Id, incident.country, names);
  const countryName = names.countryName(incident.country);
  const base: Omit<ExportRow, "notes"> = {
    id: incident.id,
    eventIdCountry: `${incident.country}-${incident.id}`,
    date: incident.date,
    year: incident.date === null ? null : Number(incident.date.slice(0, 4)),
    timePrecision: minOf(reports.map((r) => r.datePrecision)),
    disorderType:
      incident.eventType === "Strategic developments" ? "Strategic developments" : "Political violence",
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    actor1: actor1Id === null ? `Unidentified armed group (${countryName})` : names.actorName(actor1Id),
    actor1Id,
    assocActor1: perpetrators.filter((p) => p !== actor1Id).map((p) => names.actorName(p)),
    inter1,
    actor2: actor2Id === null ? "" : names.actorName(actor2Id),
    actor2Id,
    inter2,
    interaction: interaction(inter1, inter2),
    civilianTargeting: civilianTarget || incident.eventType === "Violence against civilians",
    country: incident.country,
    countryName,
    admin1: incident.admin1,
    admin1Name: incident.admin1 === null ? null : names.admin1Name(incident.admin1),
    location: incident.location,
    lat: incident.lat,
    lon: incident.lon,
    coordinatesRounded: record.coordinatesRounded,
    geoPrecision: minOf(reports.map((r) => r.geoPrecision)),
    sources: sourcesOf(reports, partiesNamed, names),
    sourceScale: [...new Set(reports.map((r) => scaleOf[r.kind]))].join("-"),
    killed: incident.killed,
    claimedPerpetrators: perpetrators,
    accused,
    classification: incident.classification,
    grade: incident.grade,
    publishedAt: incident.publishedAt,
    updatedAt: incident.updatedAt,
    partiesNamed,
  };
  return { ...base, notes: notesOf(base, names) };
}
