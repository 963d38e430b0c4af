// Open data of published incidents for one reader: ACLED-style CSV, CSV with HXL tags, GeoJSON or Atom.
import { Readable } from "node:stream";
import type { Principal } from "../../../domain/access/principal.js";
import type { Agreement } from "../../../domain/agreement/schema.js";
import type { Names } from "../../../domain/publication/names.js";
import { TruceError } from "../../../errors.js";
import type { IncidentFilter, Repositories } from "../../../ports/store.js";
import { publishedRecords } from "../published-records.js";
import { shippedNames } from "../shipped-names.js";
import { acledCsv } from "./acled-csv.js";
import { ATOM_ENTRIES, atomFeed } from "./atom-feed.js";
import type { ExportContext } from "./export-context.js";
import { type ExportRow, exportRow } from "./export-row.js";
import { geoJson } from "./geojson.js";
import { hxlCsv } from "./hxl-csv.js";

export type ExportFormat = "acled" | "hxl" | "geojson" | "atom";

export const exportFormats: readonly ExportFormat[] = ["acled", "hxl", "geojson", "atom"];

export interface ExportOptions {
  /** The agreements whose publication policies apply (audience, nameParties), each over its territory. */
  readonly agreements: readonly Pick<Agreement, "territory" | "publication">[];
  /** The server's public address, for links in the Atom feed; omitted: no links. */
  readonly baseUrl?: string | null;
  readonly names?: Names;
  /** The clock; default the system's. */
  readonly now?: () => string;
  /** Incidents read per store query (default 500). */
  readonly pageSize?: number;
}

export interface ExportResult {
  readonly mediaType: string;
  readonly filename: string;
  /** The file's text, produced as it is read: pipe it to a file or an HTTP reply. */
  readonly body: Readable;
}

const formats: Readonly<
  Record<
    ExportFormat,
    {
      readonly mediaType: string;
      readonly extension: string;
      readonly write: (context: ExportContext) => AsyncGenerator<string>;
      /** The Atom feed is the latest entries by update; the files hold every incident by date. */
      readonly window?: { readonly sort: "updatedAt"; readonly limit: number };
    }
  >
> = {
  acled: { mediaType: "text/csv; charset=utf-8", extension: "acled.csv", write: acledCsv },
  hxl: { mediaType: "text/csv; charset=utf-8", extension: "hxl.csv", write: hxlCsv },
  geojson: { mediaType: "application/geo+json", extension: "geojson", write: geoJson },
  atom: {
    mediaType: "application/atom+xml; charset=utf-8",
    extension: "atom",
    write: atomFeed,
    window: { sort: "updatedAt", limit: ATOM_ENTRIES },
  },
};

/** Reads a format name from user input, or throws TRUCE_E_USAGE naming the ones there are. */
export function parseExportFormat(text: string): ExportFormat {
  const format = exportFormats.find((f) => f === text.trim().toLowerCase());
  if (format === undefined) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `"${text}" is not an export format: give one of ${exportFormats.join(", ")}`,
    );
  }
  return format;
}

/**
 * Published incidents only, as the principal may see them (restricted coordinates rounded unless it may see
 * restricted fields; parties unnamed where the agreement says so; a witness is never in any export), in the
 * format asked for. The body reads the store a page at a time as it is consumed.
 */
export function exportIncidents(
  store: Repositories,
  format: ExportFormat,
  principal: Principal,
  filter: IncidentFilter,
  options: ExportOptions,
): ExportResult {
  const spec = formats[format];
  const names = options.names ?? shippedNames();
  const generatedAt = (options.now ?? (() => new Date().toISOString()))();
  async function* pages(): AsyncGenerator<readonly ExportRow[]> {
    for await (const records of publishedRecords(store, principal, filter, {
      agreements: options.agreements,
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(spec.window ?? {}),
    })) {
      yield records.map((record) => exportRow(record, names));
    }
  }
  const context: ExportContext = {
    pages: pages(),
    names,
    generatedAt,
    title: "Truce: published incidents",
    baseUrl: options.baseUrl?.replace(/\/+$/, "") ?? null,
  };
  return {
    mediaType: spec.mediaType,
    filename: `truce-incidents-${generatedAt.slice(0, 10)}.${spec.extension}`,
    body: Readable.from(spec.write(context), { objectMode: false }),
  };
}
