// GeoJSON (RFC 7946): a FeatureCollection of points, [longitude, latitude] in WGS 84, streamed feature by feature.
import type { ExportContext } from "./export-context.js";
import type { ExportRow } from "./export-row.js";

/** A feature per incident; one with no known point has a null geometry, as RFC 7946 §3.2 allows. */
export function feature(row: ExportRow): object {
  return {
    type: "Feature",
    id: row.id,
    geometry:
      row.lat === null || row.lon === null ? null : { type: "Point", coordinates: [row.lon, row.lat] },
    properties: {
      date: row.date,
      timePrecision: row.timePrecision,
      country: row.country,
      admin1: row.admin1,
      admin1Name: row.admin1Name,
      location: row.location,
      geoPrecision: row.geoPrecision,
      coordinatesRounded: row.coordinatesRounded,
      eventType: row.eventType,
      subEventType: row.subEventType,
      claimedPerpetrators: row.claimedPerpetrators,
      accused: row.accused,
      target: row.actor2Id,
      killed: row.killed,
      classification: row.classification,
      grade: row.grade,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      sources: row.sources,
      notes: row.notes,
    },
  };
}

export async function* geoJson(context: ExportContext): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","features":[`;
  let first = true;
  for await (const rows of context.pages) {
    if (rows.length === 0) continue;
    yield `${first ? "\n" : ",\n"}${rows.map((row) => JSON.stringify(feature(row))).join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}
