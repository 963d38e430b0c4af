// The bulletin's map: the territory's first-level units drawn with d3-geo as inline SVG, shaded by count.
import { type GeoPermissibleObjects, geoArea, geoMercator, geoPath } from "d3-geo";
import type { MapRegion } from "./bulletin-data.js";
import { escapeHtml } from "./escape.js";

type Ring = readonly (readonly number[])[];

/**
 * d3-geo reads a ring wound the other way round as the whole globe minus the shape; GeoJSON files (RFC 7946)
 * wind exterior rings anticlockwise, d3 wants them clockwise. A polygon whose area exceeds a hemisphere is
 * therefore reversed.
 */
function forD3(geometry: MapRegion["geometry"]): GeoPermissibleObjects {
  const fix = (rings: readonly Ring[]): Ring[] => {
    const polygon = { type: "Polygon", coordinates: rings } as GeoPermissibleObjects;
    return geoArea(polygon) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : [...rings];
  };
  return geometry.type === "Polygon"
    ? ({ type: "Polygon", coordinates: fix(geometry.coordinates as Ring[]) } as GeoPermissibleObjects)
    : ({
        type: "MultiPolygon",
        coordinates: (geometry.coordinates as Ring[][]).map(fix),
      } as GeoPermissibleObjects);
}

/** Light to dark red, for 0 and five steps up to the largest count. */
export const shades = ["#f1f5f9", "#fde2e1", "#f9b4b0", "#f0766f", "#d63a35", "#8f1d1a"] as const;

export const shadeOf = (count: number, max: number): string =>
  count <= 0 || max <= 0 ? shades[0] : (shades[Math.min(5, Math.ceil((count / max) * 5))] ?? shades[5]);

/** The legend: each shade that some count up to `max` can take, with the counts it stands for. */
export function legendOf(max: number): { readonly colour: string; readonly label: string }[] {
  const out = [{ colour: shades[0] as string, label: "0" }];
  for (let step = 1; step <= 5; step++) {
    const low = Math.floor((max * (step - 1)) / 5) + 1;
    const high = Math.floor((max * step) / 5);
    if (low <= high)
      out.push({ colour: shades[step] as string, label: low === high ? `${low}` : `${low}–${high}` });
  }
  return out;
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

/** An SVG element (no XML prolog) that scales to its container; each region has a title for readers. */
export function svgMap(regions: readonly MapRegion[], width = 640, height = 480): string {
  const features = regions.map((r) => ({
    type: "Feature" as const,
    properties: {},
    geometry: forD3(r.geometry),
  }));
  const collection = { type: "FeatureCollection", features } as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    collection,
  );
  // A tenth of a pixel is plenty, and keeps the inline SVG small.
  const path = geoPath(projection).digits(1);
  const max = Math.max(0, ...regions.map((r) => r.count));
  const shapes = regions.map((region, i) => {
    const d = path(features[i]?.geometry as GeoPermissibleObjects) ?? "";
    const label = `${region.name}${region.nameAr === null ? "" : ` / ${region.nameAr}`}: ${region.count}`;
    return `<path d="${d}" fill="${shadeOf(region.count, max)}" stroke="#475569" stroke-width="0.6"><title>${escapeHtml(label)}</title></path>`;
  });
  const labels = regions.flatMap((region, i) => {
    if (region.count === 0) return [];
    const [x, y] = path.centroid(features[i]?.geometry as GeoPermissibleObjects);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [];
    return [
      `<text x="${round(x)}" y="${round(y)}" text-anchor="middle" dominant-baseline="middle" class="count">${region.count}</text>`,
    ];
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="Incidents per first-level unit">${shapes.join("")}${labels.join("")}</svg>`;
}
