// The first-level boundaries shipped for a country (data/boundaries/XX-adm1.geojson), for the bulletin's map.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { dataDir, readDataFile } from "../../../adapters/data/data-files.js";
import { TruceError } from "../../../errors.js";

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const boundaryFile = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.looseObject({
        iso_3166_2: z.string().min(1),
        name_en: z.string().min(1),
        name_ar: z.string().optional(),
      }),
      geometry,
    }),
  ),
});

export type Boundary = {
  readonly code: string;
  readonly name: string;
  readonly nameAr: string | null;
  readonly geometry: z.infer<typeof geometry>;
};

const cache = new Map<string, readonly Boundary[] | null>();

/** The country's first-level units as shipped, or null when no file is shipped for it. */
export function shippedBoundaries(
  country: string,
  folder = join(dataDir, "boundaries"),
): readonly Boundary[] | null {
  const path = join(folder, `${country}-adm1.geojson`);
  const known = cache.get(path);
  if (known !== undefined) return known;
  let boundaries: readonly Boundary[] | null = null;
  if (/^[A-Z]{2}$/.test(country) && existsSync(path)) {
    const parsed = boundaryFile.safeParse(readDataFile(path, "TRUCE_E_DATA_INVALID"));
    if (!parsed.success) {
      throw new TruceError(
        "TRUCE_E_DATA_INVALID",
        `${path} is not a FeatureCollection of polygons with iso_3166_2 and name_en: ${parsed.error.issues[0]?.message ?? ""}`,
        { subject: path },
      );
    }
    boundaries = parsed.data.features.map((f) => ({
      code: f.properties.iso_3166_2,
      name: f.properties.name_en,
      nameAr: f.properties.name_ar ?? null,
      geometry: f.geometry,
    }));
  }
  cache.set(path, boundaries);
  return boundaries;
}
