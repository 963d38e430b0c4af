// Where a complaint says the event happened: a point picked on the map (its governorate from the boundary
// polygons, its name from the nearest place in the gazetteer) or a place name the gazetteer knows.
import { territoryContains } from "../../domain/agreement/in-force.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { haversineKm } from "../../domain/correlation/similarity.js";
import type { GeoPrecision } from "../../domain/ontology.js";
import { type Admin1Feature, admin1OfPoint } from "../../domain/places/admin1-of-point.js";
import type { Gazetteer, Place, PlaceKind } from "../../domain/places/gazetteer.js";
import { TruceError } from "../../errors.js";

export interface PlaceData {
  readonly gazetteer: Gazetteer;
  readonly boundaries: readonly Admin1Feature[];
}

export interface Located {
  readonly country: string;
  readonly admin1: string | null;
  /** The place's name: the nearest settlement to a picked point, or the place named. */
  readonly location: string;
  readonly lat: number;
  readonly lon: number;
  readonly geoPrecision: GeoPrecision;
  /** The agreements whose territory holds the place. */
  readonly agreements: readonly Agreement[];
}

/** A picked point further than this from every known place is not one the gazetteer can name. */
const NEAREST_KM = 50;
/** Within this of a settlement, the point is that settlement (ACLED geo precision 1); further, "near" it (2). */
const AT_PLACE_KM = 3;

/** Kinds that name a spot a person can stand in; provinces, countries and front lines name too much. */
const spots: ReadonlySet<PlaceKind> = new Set([
  "town",
  "village",
  "neighbourhood",
  "facility",
  "district",
  "area",
]);

const precisionOfKind = (kind: PlaceKind): GeoPrecision =>
  kind === "governorate" || kind === "country" || kind === "region"
    ? 3
    : kind === "district" || kind === "area" || kind === "frontline"
      ? 2
      : 1;

const ISO_ADMIN1 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

function nearestSpot(
  gazetteer: Gazetteer,
  lat: number,
  lon: number,
  admin1: string | null,
): { place: Place; km: number } | null {
  let best: { place: Place; km: number } | null = null;
  for (const place of gazetteer.places()) {
    if (!spots.has(place.kind)) continue;
    // Inside a known governorate, its own places name the point (a town across the border never does).
    if (admin1 !== null && !place.admin1s.includes(admin1)) continue;
    const km = haversineKm(lat, lon, place.lat, place.lon);
    if (km <= NEAREST_KM && (best === null || km < best.km)) best = { place, km };
  }
  return best;
}

function covering(agreements: readonly Agreement[], country: string, admin1: string | null): Agreement[] {
  return agreements.filter((a) => territoryContains(a.territory, { country, admin1 }));
}

const outside = (where: string, agreements: readonly Agreement[]): never => {
  throw new TruceError(
    "TRUCE_E_OUTSIDE_TERRITORY",
    `${where} lies outside the territory of ${agreements.map((a) => a.id).join(", ") || "any loaded agreement"}`,
  );
};

/** The place of a point picked on the map; refused when it lies in no agreement's territory. */
export function locatePoint(
  places: PlaceData,
  agreements: readonly Agreement[],
  lat: number,
  lon: number,
): Located {
  const where = `the point ${lat.toFixed(4)}, ${lon.toFixed(4)}`;
  const code = admin1OfPoint(places.boundaries, lon, lat);
  // A buffer zone's code (Natural Earth's "SY-X01~") is no governorate: the nearest place decides then.
  const polygonAdmin1 = code !== null && ISO_ADMIN1.test(code) ? code : null;
  const near =
    nearestSpot(places.gazetteer, lat, lon, polygonAdmin1) ?? nearestSpot(places.gazetteer, lat, lon, null);
  const admin1 = polygonAdmin1 ?? near?.place.admin1 ?? near?.place.admin1s[0] ?? null;
  const country = admin1?.slice(0, 2) ?? near?.place.country ?? null;
  if (country === null) return outside(where, agreements);
  const inTerritory = covering(agreements, country, admin1);
  if (inTerritory.length === 0) return outside(where, agreements);
  const admin1Name = admin1 === null ? null : places.gazetteer.admin1Name(admin1);
  return {
    country,
    admin1,
    location: near?.place.name ?? admin1Name ?? country,
    lat,
    lon,
    geoPrecision: near !== null && near.km <= AT_PLACE_KM ? 1 : near !== null ? 2 : 3,
    agreements: inTerritory,
  };
}

/** The place a name means: the best-known of its namesakes inside an agreement's territory. */
export function locateName(places: PlaceData, agreements: readonly Agreement[], name: string): Located {
  const candidates = places.gazetteer.lookup(name);
  if (candidates.length === 0) {
    throw new TruceError(
      "TRUCE_E_PLACE_UNKNOWN",
      `the gazetteer knows no place called ${JSON.stringify(name.slice(0, 100))}: pick the point on the map, or give another spelling`,
    );
  }
  for (const place of candidates) {
    const admin1 = place.admin1 ?? (place.admin1s.length === 1 ? (place.admin1s[0] ?? null) : null);
    const inTerritory = covering(agreements, place.country, admin1);
    if (inTerritory.length === 0) continue;
    return {
      country: place.country,
      admin1,
      location: place.name,
      lat: place.lat,
      lon: place.lon,
      geoPrecision: precisionOfKind(place.kind),
      agreements: inTerritory,
    };
  }
  return outside(`${candidates[0]?.name ?? name} (${candidates[0]?.country ?? "?"})`, agreements);
}
