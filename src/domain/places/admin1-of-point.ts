// Which admin1 unit a point lies in, from boundary polygons (GeoJSON), to check and infer admin1 codes.
//
// Ray casting is written here rather than taken from a package: the only need is point-in-polygon over
// a few dozen simple polygons, which is twenty lines; the packages that do it (turf and friends) bring
// far more than that, and the polygons (Natural Earth 10m) are coarse enough that robustness at the
// boundary matters less than knowing exactly what the code does there.

/** A ring: [lon, lat] positions, first equal to last (GeoJSON order: longitude first). */
export type Ring = readonly (readonly number[])[];

export type PolygonGeometry =
  | { readonly type: "Polygon"; readonly coordinates: readonly Ring[] }
  | { readonly type: "MultiPolygon"; readonly coordinates: readonly (readonly Ring[])[] };

/** The part of a GeoJSON feature this module reads: its geometry and an admin1 code property. */
export interface Admin1Feature {
  readonly properties: { readonly iso_3166_2?: string | null; readonly [key: string]: unknown } | null;
  readonly geometry: PolygonGeometry | { readonly type: string } | null;
}

/** Even-odd rule over all rings, so a hole (Damascus inside Rif Dimashq) is excluded from its outer ring. */
function insideRings(rings: readonly Ring[], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a === undefined || b === undefined) continue;
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      if (ay > lat !== by > lat && lon < ((bx - ax) * (lat - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

function isPolygonal(geometry: Admin1Feature["geometry"]): geometry is PolygonGeometry {
  return geometry !== null && (geometry.type === "Polygon" || geometry.type === "MultiPolygon");
}

/** True when (lon, lat) lies inside the feature's polygon(s). */
export function featureContains(feature: Admin1Feature, lon: number, lat: number): boolean {
  const g = feature.geometry;
  if (!isPolygonal(g)) return false;
  if (g.type === "Polygon") return insideRings(g.coordinates, lon, lat);
  return g.coordinates.some((polygon) => insideRings(polygon, lon, lat));
}

/**
 * The ISO 3166-2 code (property iso_3166_2) of the first feature containing the point, or null.
 * Codes that are not ISO admin1 codes (Natural Earth's "SY-X01~" for the UNDOF zone) are returned
 * as they are: the caller decides what a point in a buffer zone means.
 */
export function admin1OfPoint(features: readonly Admin1Feature[], lon: number, lat: number): string | null {
  for (const feature of features) {
    const code = feature.properties?.iso_3166_2;
    if (typeof code === "string" && featureContains(feature, lon, lat)) return code;
  }
  return null;
}

/** Distance in degrees from a point to the nearest edge of a feature; for "near the border" checks. */
export function degreesToFeature(feature: Admin1Feature, lon: number, lat: number): number {
  const g = feature.geometry;
  if (!isPolygonal(g)) return Number.POSITIVE_INFINITY;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let best = Number.POSITIVE_INFINITY;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [ax = 0, ay = 0] = ring[i - 1] ?? [];
        const [bx = 0, by = 0] = ring[i] ?? [];
        best = Math.min(best, segmentDistance(lon, lat, ax, ay, bx, by));
      }
    }
  }
  return best;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
