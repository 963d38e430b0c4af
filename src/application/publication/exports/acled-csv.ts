// ACLED-style CSV: ACLED's columns in ACLED's order, so tools written for ACLED's downloads read Truce's too.
import { stringify } from "csv-stringify/sync";
import { cell, type ExportContext } from "./export-context.js";
import type { ExportRow } from "./export-row.js";

/**
 * ACLED's column names (codebook 2023+). Columns Truce has nothing for are kept, empty, so that files line up:
 * iso (numeric country code), region, admin2, admin3, tags.
 */
export const acledColumns: readonly (readonly [string, (row: ExportRow) => string | number])[] = [
  ["event_id_cnty", (r) => r.eventIdCountry],
  ["event_date", (r) => cell(r.date)],
  ["year", (r) => cell(r.year)],
  ["time_precision", (r) => cell(r.timePrecision)],
  ["disorder_type", (r) => r.disorderType],
  ["event_type", (r) => r.eventType],
  ["sub_event_type", (r) => r.subEventType],
  ["actor1", (r) => r.actor1],
  ["assoc_actor_1", (r) => r.assocActor1.join("; ")],
  ["inter1", (r) => cell(r.inter1)],
  ["actor2", (r) => r.actor2],
  ["assoc_actor_2", () => ""],
  ["inter2", (r) => cell(r.inter2)],
  ["interaction", (r) => cell(r.interaction)],
  ["civilian_targeting", (r) => (r.civilianTargeting ? "Civilian targeting" : "")],
  ["iso", () => ""],
  ["region", () => ""],
  ["country", (r) => r.countryName],
  ["admin1", (r) => cell(r.admin1Name ?? r.admin1)],
  ["admin2", () => ""],
  ["admin3", () => ""],
  ["location", (r) => r.location],
  ["latitude", (r) => cell(r.lat)],
  ["longitude", (r) => cell(r.lon)],
  ["geo_precision", (r) => cell(r.geoPrecision)],
  ["source", (r) => r.sources.join("; ")],
  ["source_scale", (r) => r.sourceScale],
  ["notes", (r) => r.notes],
  ["fatalities", (r) => r.killed?.best ?? 0],
  ["tags", () => ""],
  ["timestamp", (r) => Math.floor(Date.parse(r.updatedAt) / 1000)],
];

/** Header, then one line per incident, page by page. Formula-like text is escaped for spreadsheets. */
export async function* acledCsv(context: ExportContext): AsyncGenerator<string> {
  yield stringify([acledColumns.map(([name]) => name)]);
  for await (const rows of context.pages) {
    yield stringify(
      rows.map((row) => acledColumns.map(([, value]) => value(row))),
      { escape_formulas: true },
    );
  }
}
