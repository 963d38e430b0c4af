// CSV with an HXL hashtag row (the Humanitarian Exchange Language): a header, the hashtags, then the data.
import { stringify } from "csv-stringify/sync";
import { cell, type ExportContext } from "./export-context.js";
import type { ExportRow } from "./export-row.js";

/** Each column: the header a person reads, the HXL hashtag with attributes a machine reads, the value. */
export const hxlColumns: readonly (readonly [string, string, (row: ExportRow) => string | number])[] = [
  ["Incident", "#event+id", (r) => r.id],
  ["Date", "#date+occurred", (r) => cell(r.date)],
  ["Date precision", "#date+precision", (r) => cell(r.timePrecision)],
  ["Country", "#country+code", (r) => r.country],
  ["Country name", "#country+name", (r) => r.countryName],
  ["Admin1 code", "#adm1+code", (r) => cell(r.admin1)],
  ["Admin1", "#adm1+name", (r) => cell(r.admin1Name)],
  ["Location", "#loc+name", (r) => r.location],
  ["Latitude", "#geo+lat", (r) => cell(r.lat)],
  ["Longitude", "#geo+lon", (r) => cell(r.lon)],
  ["Geo precision", "#geo+precision", (r) => cell(r.geoPrecision)],
  ["Coordinates rounded", "#geo+rounded", (r) => (r.coordinatesRounded ? "yes" : "no")],
  ["Event type", "#event+type", (r) => r.eventType],
  ["Sub-event type", "#event+type+sub", (r) => r.subEventType],
  ["Perpetrators claimed", "#org+perpetrator+claimed", (r) => r.claimedPerpetrators.join("; ")],
  ["Party held responsible", "#org+perpetrator+verified", (r) => cell(r.accused)],
  ["Target", "#org+target", (r) => r.actor2],
  ["Killed (best)", "#affected+killed", (r) => cell(r.killed?.best)],
  ["Killed (low)", "#affected+killed+min", (r) => cell(r.killed?.low)],
  ["Killed (high)", "#affected+killed+max", (r) => cell(r.killed?.high)],
  ["Classification", "#status+classification", (r) => r.classification],
  ["Evidence grade", "#status+grade", (r) => r.grade],
  ["Published", "#date+published", (r) => cell(r.publishedAt)],
  ["Sources", "#meta+source", (r) => r.sources.join("; ")],
  ["Description", "#description", (r) => r.notes],
];

export async function* hxlCsv(context: ExportContext): AsyncGenerator<string> {
  yield stringify([hxlColumns.map(([header]) => header), hxlColumns.map(([, tag]) => tag)]);
  for await (const rows of context.pages) {
    yield stringify(
      rows.map((row) => hxlColumns.map(([, , value]) => value(row))),
      { escape_formulas: true },
    );
  }
}
