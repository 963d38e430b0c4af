// Loads the shipped places for placing a complaint: the gazetteer and the admin1 boundary polygons.
import { readFileSync } from "node:fs";
import type { PlaceData } from "../../application/complaints/locate.js";
import type { Admin1Feature } from "../../domain/places/admin1-of-point.js";
import { type Gazetteer, parseGazetteer } from "../../domain/places/gazetteer.js";
import { TruceError } from "../../errors.js";
import { dataDir, dataFiles, readDataFile } from "./data-files.js";

let loaded: PlaceData | null = null;

/**
 * The gazetteer and the admin1 polygons (ISO 3166-2 codes in `iso_3166_2`) of every country whose boundaries
 * are shipped in data/boundaries. Read once per process: a few megabytes that never change while it runs.
 */
export function loadPlaceData(): PlaceData {
  loaded ??= readPlaceData();
  return loaded;
}

/** The shipped gazetteer (data/places/*.json), parsed; a data file that is not valid names itself. */
export function readShippedGazetteer(): Gazetteer {
  const placeFiles = dataFiles("places", [".json"]);
  try {
    return parseGazetteer(
      placeFiles.map((f) => readDataFile(f, "TRUCE_E_DATA_INVALID")),
      placeFiles,
    );
  } catch (cause) {
    if (cause instanceof TruceError) throw cause;
    throw new TruceError(
      "TRUCE_E_DATA_INVALID",
      `the gazetteer in ${dataDir}places is not valid: ${String(cause)}`,
      {
        cause,
      },
    );
  }
}

function readPlaceData(): PlaceData {
  const gazetteer = readShippedGazetteer();
  const boundaries = dataFiles("boundaries", [".geojson"]).flatMap((file) => {
    let collection: unknown;
    try {
      collection = JSON.parse(readFileSync(file, "utf8"));
    } catch (cause) {
      throw new TruceError("TRUCE_E_DATA_INVALID", `${file} cannot be read as GeoJSON: ${String(cause)}`, {
        subject: file,
        cause,
      });
    }
    const features = (collection as { features?: unknown } | null)?.features;
    if (!Array.isArray(features))
      throw new TruceError("TRUCE_E_DATA_INVALID", `${file} is not a GeoJSON FeatureCollection`, {
        subject: file,
      });
    return features as Admin1Feature[];
  });
  return { gazetteer, boundaries };
}
