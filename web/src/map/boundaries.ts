// The governorate shapes the map draws, bundled at build time from the file the project ships: the page needs no
// tile server and no network to draw its map.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import raw from "../../../data/boundaries/SY-adm1.geojson?raw";
import { admin1OfPoint } from "../../../src/domain/places/admin1-of-point.js";
import type { LocaleCode } from "../i18n/locales.js";

export interface BoundaryProperties {
  readonly iso_3166_2: string;
  readonly name_en: string;
  readonly name_ar: string;
  readonly [key: string]: unknown;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

export const boundaries = JSON.parse(raw) as FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

/** ISO 3166-2 codes are `CC-XXX`; Natural Earth marks shapes that are no first-level division with a `~`. */
const isAdmin1Code = (code: string): boolean => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code);

export interface Governorate {
  readonly code: string;
  readonly nameEn: string;
  readonly nameAr: string;
}

export const governorates: readonly Governorate[] = boundaries.features
  .map((f) => f.properties)
  .filter((p) => isAdmin1Code(p.iso_3166_2))
  .map((p) => ({ code: p.iso_3166_2, nameEn: p.name_en, nameAr: p.name_ar }))
  .sort((a, b) => a.nameEn.localeCompare(b.nameEn));

const byCode = new Map(governorates.map((g) => [g.code, g]));

/** The governorate's name in the locale (its code when the shipped boundaries do not know it). */
export function governorateName(code: string | null, locale: LocaleCode): string {
  if (code === null) return "";
  const g = byCode.get(code);
  if (g === undefined) return code;
  return locale === "ar" ? g.nameAr : g.nameEn;
}

/** The governorate a picked point lies in, or null outside every one (a buffer zone, another country). */
export function governorateAt(lat: number, lon: number): string | null {
  const code = admin1OfPoint(boundaries.features, lon, lat);
  return code !== null && isAdmin1Code(code) ? code : null;
}
