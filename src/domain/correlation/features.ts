// What correlation compares, computed once per report: day number, windows, place, type, figures, shingles.

import { allEventTypes, eventTypes, type GeoPrecision, type SubEventType } from "../ontology.js";
import { normalisePlaceName } from "../places/transliterate.js";
import type { Report } from "../records/report.js";
import { type Details, detailsOf } from "./details.js";
import { charShingles, tokens, wordSet } from "./similarity.js";

/** Half-width in days of the window a date of each precision stands for (ACLED: day, week, month). */
export const DAY_WINDOW: Readonly<Record<1 | 2 | 3, number>> = { 1: 1, 2: 7, 3: 31 };

/** The features of one report; typed numbers rather than strings where the scorer loops over them. */
export interface ReportFeatures {
  readonly report: Report;
  /** Days since 1970-01-01 (UTC) of the report's date, or of its arrival when it gives no date. */
  readonly day: number;
  readonly datePrecision: 1 | 2 | 3;
  readonly country: string;
  readonly admin1: string | null;
  /** NaN when the report has no coordinates. */
  readonly lat: number;
  readonly lon: number;
  readonly geoPrecision: GeoPrecision;
  /** normalisePlaceName(location), and its character trigrams. */
  readonly locationKey: string;
  readonly locationShingles: Uint32Array;
  /** Index of the sub-event type in the ontology's order; its event type's index. */
  readonly subType: number;
  readonly type: number;
  readonly killed: number;
  readonly words: Uint32Array;
  /** What the summary says was hit, with what, and when in the day. */
  readonly details: Details;
  /** Rarity weight (IDF) of each word, set by the correlator from the reports it has seen. */
  wordWeights: Float32Array;
}

const subTypeIndex = new Map<string, number>();
const typeOfSub: number[] = [];
for (const [t, type] of allEventTypes.entries()) {
  for (const sub of eventTypes[type]) {
    subTypeIndex.set(sub, subTypeIndex.size);
    typeOfSub.push(t);
  }
}

export function subTypeId(sub: SubEventType | string): number {
  const id = subTypeIndex.get(sub);
  if (id === undefined) throw new RangeError(`unknown sub-event type ${sub}`);
  return id;
}

/** Location names repeat across reports; normalising (a dozen regexes) once per distinct name pays. */
const locationCache = new Map<string, { key: string; shingles: Uint32Array }>();
const LOCATION_CACHE_LIMIT = 200_000;

function location(name: string): { key: string; shingles: Uint32Array } {
  let hit = locationCache.get(name);
  if (hit === undefined) {
    // Drop the hedges around a name ("near X", "X countryside") so the place itself is compared.
    const bare = name
      .replace(/^(?:near|outside|around|the outskirts of)\s+/i, "")
      .replace(/\s+(?:countryside|outskirts|area)$/i, "");
    const key = normalisePlaceName(bare);
    hit = { key, shingles: charShingles(key) };
    if (locationCache.size >= LOCATION_CACHE_LIMIT) locationCache.clear();
    locationCache.set(name, hit);
  }
  return hit;
}

/** Days since the epoch of a YYYY-MM-DD (or ISO timestamp) string; NaN if it does not parse. */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function featuresOf(report: Report): ReportFeatures {
  const dated = report.date !== null && !Number.isNaN(dayNumber(report.date));
  // An undated report is placed by when it arrived, and only to the month: press runs within weeks.
  const day = dated ? dayNumber(report.date as string) : dayNumber(report.createdAt);
  const datePrecision = dated ? (report.datePrecision ?? 1) : 3;
  const loc = location(report.location);
  const sub = subTypeId(report.subEventType);
  const words = tokens(report.summary);
  return {
    report,
    day,
    datePrecision,
    country: report.country,
    admin1: report.admin1,
    lat: report.lat ?? Number.NaN,
    lon: report.lon ?? Number.NaN,
    geoPrecision: report.geoPrecision,
    locationKey: loc.key,
    locationShingles: loc.shingles,
    subType: sub,
    type: typeOfSub[sub] ?? 0,
    killed: report.killed ?? -1,
    words: wordSet(words),
    details: detailsOf(words),
    wordWeights: new Float32Array(0),
  };
}
