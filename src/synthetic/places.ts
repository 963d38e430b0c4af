// The generator's places: real gazetteer entries (names, spellings, coordinates, admin1) and their neighbours.
import { dataDir, readDataFile } from "../adapters/data/data-files.js";
import { haversineKm } from "../domain/correlation/similarity.js";
import { type PlaceEntry, validatePlaceEntries } from "../domain/places/gazetteer.js";

export interface SyntheticPlace {
  readonly name: string;
  readonly alt: readonly string[];
  readonly admin1: string;
  readonly lat: number;
  readonly lon: number;
  /** Indexes of other places within NEIGHBOUR_KM, nearest first: "near X" reports and distractors use them. */
  readonly neighbours: readonly number[];
}

export interface PlacePool {
  readonly country: string;
  readonly places: readonly SyntheticPlace[];
  /** Indexes of places by admin1. */
  readonly byAdmin1: ReadonlyMap<string, readonly number[]>;
  /** Each admin1's own entry (name, spellings, centroid), for province-level reports. */
  readonly admin1Units: ReadonlyMap<string, PlaceEntry>;
  /** Regional names with no admin1 ("northern Syria"), for reports that give only the country. */
  readonly vague: readonly string[];
}

const NEIGHBOUR_KM = 20;
const EVENT_KINDS = new Set(["town", "village", "neighbourhood", "facility"]);

/** A pool from gazetteer entries of one country. */
export function placePool(entries: readonly PlaceEntry[], country: string): PlacePool {
  const raw = entries.filter((e) => e.country === country && e.admin1 !== null && EVENT_KINDS.has(e.kind));
  const admin1Units = new Map<string, PlaceEntry>();
  for (const e of entries) {
    if (e.country === country && e.kind === "governorate" && e.admin1 !== null) admin1Units.set(e.admin1, e);
  }
  const vague = entries
    .filter(
      (e) => e.country === country && (e.kind === "country" || (e.kind === "region" && e.admin1 === null)),
    )
    .map((e) => e.name);
  const places: SyntheticPlace[] = raw.map((e, i) => {
    const near: [number, number][] = [];
    raw.forEach((o, j) => {
      if (j === i) return;
      const km = haversineKm(e.lat, e.lon, o.lat, o.lon);
      if (km > 0.5 && km <= NEIGHBOUR_KM) near.push([j, km]);
    });
    near.sort((a, b) => a[1] - b[1]);
    return {
      name: e.name,
      alt: e.alt,
      admin1: e.admin1 as string,
      lat: e.lat,
      lon: e.lon,
      neighbours: near.map(([j]) => j),
    };
  });
  const byAdmin1 = new Map<string, number[]>();
  places.forEach((p, i) => {
    const list = byAdmin1.get(p.admin1);
    if (list) list.push(i);
    else byAdmin1.set(p.admin1, [i]);
  });
  return { country, places, byAdmin1, admin1Units, vague };
}

let shipped: PlacePool | null = null;

/** The shipped Syrian gazetteer as a pool (read once per process). */
export function syrianPlaces(): PlacePool {
  shipped ??= placePool(
    validatePlaceEntries(readDataFile(`${dataDir}places/SY.json`, "TRUCE_E_DATA_INVALID"), "SY.json"),
    "SY",
  );
  return shipped;
}
