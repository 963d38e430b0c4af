// Incidents: one per distinct event, the article's repeated mentions of it merged, gaps filled from context.
import type { EventType, GeoPrecision, SubEventType, TimePrecision } from "../../domain/ontology.js";
import type { KnownPlace } from "../knowledge.js";
import type { Evidence } from "../report.js";
import type { EventMention } from "./events.js";
import { daysBetween } from "./reference-date.js";

export interface DatedValue {
  readonly date: string | null;
  readonly end: string | null;
  readonly precision: TimePrecision | null;
}

export interface EventRecord {
  readonly event: EventMention;
  readonly place: KnownPlace;
  readonly placeText: string;
  readonly when: DatedValue;
  readonly killed: number | null;
  readonly evidence: Evidence;
  readonly paragraph: number;
}

export interface DraftIncident {
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly place: KnownPlace;
  readonly location: string;
  readonly geoPrecision: GeoPrecision;
  readonly when: DatedValue;
  readonly perpetrator: string | null;
  readonly perpetratorFrom: "sentence" | "context" | null;
  readonly target: string | null;
  readonly killed: number | null;
  readonly evidence: readonly Evidence[];
  readonly mentions: number;
}

const geoPrecisionOf = (place: KnownPlace): GeoPrecision =>
  place.kind === "governorate" || place.kind === "region" || place.kind === "frontline"
    ? 3
    : place.kind === "district" || place.kind === "area"
      ? 2
      : 1;

const tolerance: Record<TimePrecision, number> = { 1: 1, 2: 7, 3: 31 };

function datesCompatible(a: DatedValue, b: DatedValue): boolean {
  if (!a.date || !b.date) return true;
  const allowed = Math.max(tolerance[a.precision ?? 1], tolerance[b.precision ?? 1]);
  return Math.abs(daysBetween(a.date, b.date)) <= (allowed === 1 ? 0 : allowed);
}

function samePlace(a: KnownPlace, b: KnownPlace): boolean {
  if (a === b || (a.name === b.name && a.admin1 === b.admin1)) return true;
  // A province named once and a town of it named again are one event when all else agrees.
  const broad = (p: KnownPlace) => p.kind === "governorate";
  return a.admin1 !== null && a.admin1 === b.admin1 && (broad(a) || broad(b));
}

export function assembleIncidents(records: readonly EventRecord[]): DraftIncident[] {
  const typed = fillTypes(records);
  const withActors = fillPerpetrators(typed);
  const incidents: DraftIncident[] = [];
  for (const record of withActors) {
    const index = incidents.findIndex(
      (i) =>
        (i.eventType === record.eventType || record.untyped) &&
        // Each side's tally in a bulletin is its own report: "Russian officers reported …, Turkish officers …".
        (!record.event.breach || i.evidence.some((e) => e.span.start === record.evidence.span.start)) &&
        samePlace(i.place, record.place) &&
        // "Distinct perpetrator → distinct incidents": only a perpetrator read in both sentences can differ.
        !(
          i.perpetratorFrom === "sentence" &&
          record.perpetratorFrom === "sentence" &&
          i.perpetrator !== record.perpetrator
        ) &&
        datesCompatible(i.when, record.when),
    );
    const existing = incidents[index];
    if (existing) incidents[index] = merge(existing, record);
    else if (!record.event.definite && (!record.untyped || record.killed !== null))
      incidents.push(draftFrom(record));
  }
  return incidents;
}

interface TypedRecord extends EventRecord {
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly untyped: boolean;
  readonly perpetrator: string | null;
  readonly perpetratorFrom: "sentence" | "context" | null;
}

/** A killing reported without its means takes the type of the act reported just before it. */
function fillTypes(records: readonly EventRecord[]): TypedRecord[] {
  const out: TypedRecord[] = [];
  for (const record of records) {
    const { eventType, subEventType } = record.event;
    if (eventType && subEventType) {
      // "Separately, strikes hit the outskirts of Idlib" after air raids were reported: more air raids.
      const clearer = record.event.vagueType
        ? [...out].reverse().find((r) => !r.event.vagueType && !r.untyped && r.eventType === eventType)
        : undefined;
      out.push({
        ...record,
        eventType,
        subEventType: clearer?.subEventType ?? subEventType,
        untyped: false,
        perpetrator: record.event.perpetrator,
        perpetratorFrom: record.event.perpetrator ? "sentence" : null,
      });
      continue;
    }
    const previous = [...out].reverse().find((r) => !r.untyped);
    const fallback: [EventType, SubEventType] =
      record.event.target === "CIV" ? ["Violence against civilians", "Attack"] : ["Battles", "Armed clash"];
    out.push({
      ...record,
      eventType: previous?.eventType ?? fallback[0],
      subEventType: previous?.subEventType ?? fallback[1],
      untyped: true,
      perpetrator: record.event.perpetrator,
      perpetratorFrom: record.event.perpetrator ? "sentence" : null,
    });
  }
  return out;
}

/**
 * Where a sentence names no actor ("Shelling is hitting Douma"), the article's account of who was firing
 * carries over: the nearest earlier act's perpetrator, else the one the article names most.
 */
function fillPerpetrators(records: readonly TypedRecord[]): TypedRecord[] {
  const counts = new Map<string, number>();
  for (const r of records) if (r.perpetrator) counts.set(r.perpetrator, (counts.get(r.perpetrator) ?? 0) + 1);
  const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return records.map((record, i) => {
    // A count of breaches names its violator or none: guessing one would put words in the bulletin's mouth.
    if (record.perpetrator || record.event.breach) return record;
    const earlier = records
      .slice(0, i)
      .reverse()
      .find(
        (r) => r.perpetrator && r.place.country === record.place.country && r.perpetratorFrom === "sentence",
      );
    const guess = earlier?.perpetrator ?? dominant;
    return guess ? { ...record, perpetrator: guess, perpetratorFrom: "context" } : record;
  });
}

function draftFrom(record: TypedRecord): DraftIncident {
  return {
    eventType: record.eventType,
    subEventType: record.subEventType,
    place: record.place,
    location: record.placeText,
    geoPrecision: geoPrecisionOf(record.place),
    when: record.when,
    perpetrator: record.perpetrator,
    perpetratorFrom: record.perpetratorFrom,
    target: record.event.target,
    killed: record.killed,
    evidence: [record.evidence],
    mentions: 1,
  };
}

function merge(incident: DraftIncident, record: TypedRecord): DraftIncident {
  const moreSpecific = geoPrecisionOf(record.place) < incident.geoPrecision;
  const betterPerpetrator = incident.perpetratorFrom !== "sentence" && record.perpetratorFrom === "sentence";
  const preciser =
    record.when.date !== null &&
    (incident.when.date === null || (record.when.precision ?? 3) < (incident.when.precision ?? 3));
  const killed =
    incident.killed === null
      ? record.killed
      : record.killed === null
        ? incident.killed
        : Math.min(incident.killed, record.killed);
  return {
    ...incident,
    place: moreSpecific ? record.place : incident.place,
    location: moreSpecific ? record.placeText : incident.location,
    geoPrecision: moreSpecific ? geoPrecisionOf(record.place) : incident.geoPrecision,
    when: preciser ? record.when : incident.when,
    perpetrator: betterPerpetrator ? record.perpetrator : incident.perpetrator,
    perpetratorFrom: betterPerpetrator ? record.perpetratorFrom : incident.perpetratorFrom,
    target: incident.target ?? record.event.target,
    killed,
    evidence: incident.evidence.some((e) => e.span.start === record.evidence.span.start)
      ? incident.evidence
      : [...incident.evidence, record.evidence],
    mentions: incident.mentions + 1,
  };
}
