// Which regime of which agreement is in force at a place and date: periods, territories and zones are all data.

import { type Agreement, mainRegime, type Regime, type Territory, type Zone } from "./schema.js";

/** Where an incident happened: a country and admin1 code (ISO), optionally a point. */
export interface Place {
  country: string | null;
  admin1: string | null;
  lon?: number | null | undefined;
  lat?: number | null | undefined;
}

export interface RegimeInForce {
  agreement: Agreement;
  regime: Regime;
  /** The zone that contains the place, when the regime is limited to zones. */
  zone: Zone | null;
}

type Position = readonly [number, number];

/** Ray casting; points on an edge may fall either way, which is fine at the precision of news reports. */
const inRing = (ring: readonly Position[], lon: number, lat: number): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const [xi, yi] = a;
    const [xj, yj] = b;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** A GeoJSON polygon: inside the outer ring and outside every hole. */
const inPolygon = (rings: readonly (readonly Position[])[], lon: number, lat: number): boolean => {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat));
};

const countryOf = (place: Place): string | null => place.country ?? place.admin1?.slice(0, 2) ?? null;

const hasPoint = (place: Place): place is Place & { lon: number; lat: number } =>
  typeof place.lon === "number" && typeof place.lat === "number";

/** Whether a territory contains a place. A territory narrowed to admin1 needs the place's admin1. */
export const territoryContains = (territory: Territory, place: Place): boolean => {
  const country = countryOf(place);
  if (country === null || !territory.countries.includes(country)) return false;
  if (territory.admin1 === undefined) return true;
  const admin1Countries = new Set(territory.admin1.map((code) => code.slice(0, 2)));
  // A country listed with no admin1 of its own is included whole.
  if (!admin1Countries.has(country)) return true;
  return place.admin1 !== null && territory.admin1.includes(place.admin1);
};

/** Whether a zone contains a place: its polygon decides when both it and a point are known, else its admin1 list. */
export const zoneContains = (zone: Zone, place: Place): boolean => {
  if (zone.geometry !== undefined && hasPoint(place)) {
    const polygons =
      zone.geometry.type === "Polygon" ? [zone.geometry.coordinates] : zone.geometry.coordinates;
    return polygons.some((rings) => inPolygon(rings, place.lon, place.lat));
  }
  return zone.admin1 !== undefined && place.admin1 !== null && zone.admin1.includes(place.admin1);
};

/** The zone of a regime containing the place; `null` for a regime without zones; `undefined` when outside them. */
const zoneFor = (regime: Regime, place: Place): Zone | null | undefined => {
  if (regime.zones === undefined) return null;
  return regime.zones.find((zone) => zoneContains(zone, place));
};

/** Whether a regime covers a place (the agreement's territory, the regime's own, its zones), ignoring dates. */
export const regimeCovers = (agreement: Agreement, regime: Regime, place: Place): Zone | null | undefined => {
  if (!territoryContains(agreement.territory, place)) return undefined;
  if (regime.territory !== undefined && !territoryContains(regime.territory, place)) return undefined;
  return zoneFor(regime, place);
};

/** Whether a regime's period (effective date to inclusive end) contains the date. */
export const regimeActiveOn = (regime: Regime, date: string): boolean =>
  regime.effective <= date && (regime.end === undefined || date <= regime.end);

/**
 * The regime in force at a place and date: among all agreements, the one with the latest effective date
 * whose period contains the date and whose territory and zones contain the place (ties: the later listed).
 * With no date, the date is `reference` (e.g. the publication date); with neither, the main regime of the
 * first agreement whose territory contains the place.
 */
export function regimeInForce(
  agreements: readonly Agreement[],
  where: Place,
  date: string | null,
  reference: string | null = null,
): RegimeInForce | null {
  const day = date ?? reference;
  if (day === null) {
    for (const agreement of agreements) {
      const regime = mainRegime(agreement);
      const zone = regimeCovers(agreement, regime, where);
      if (zone !== undefined) return { agreement, regime, zone };
    }
    return null;
  }
  let best: RegimeInForce | null = null;
  for (const agreement of agreements) {
    for (const regime of agreement.regimes) {
      if (!regimeActiveOn(regime, day)) continue;
      if (best !== null && regime.effective < best.regime.effective) continue;
      const zone = regimeCovers(agreement, regime, where);
      if (zone !== undefined) best = { agreement, regime, zone };
    }
  }
  return best;
}
