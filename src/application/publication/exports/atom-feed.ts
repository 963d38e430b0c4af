// An Atom feed (RFC 4287) of the latest published incidents, written by feedsmith, with a GeoRSS point each.
import { generateAtomFeed } from "feedsmith";
import type { ExportContext } from "./export-context.js";
import type { ExportRow } from "./export-row.js";

/** A feed is a window on the latest, not an archive: the exports in the other formats hold every incident. */
export const ATOM_ENTRIES = 200;

function title(row: ExportRow): string {
  const place = [row.location, row.admin1Name ?? row.admin1].filter((s) => s !== null && s !== "").join(", ");
  return `${row.subEventType} in ${place}${row.date === null ? "" : `, ${row.date}`}`;
}

export async function* atomFeed(context: ExportContext): AsyncGenerator<string> {
  const rows: ExportRow[] = [];
  for await (const page of context.pages) rows.push(...page);
  // The feed changed when its latest entry did; an empty feed, when it was made.
  const latest =
    rows
      .map((r) => r.updatedAt)
      .sort()
      .at(-1) ?? "";
  const link = (path: string) => (context.baseUrl === null ? [] : [{ href: `${context.baseUrl}${path}` }]);
  yield generateAtomFeed({
    id: "urn:truce:published-incidents",
    title: { value: context.title },
    updated: new Date(latest === "" ? context.generatedAt : latest),
    generator: { text: "Truce" },
    links: context.baseUrl === null ? [] : [{ href: `${context.baseUrl}/api/export/atom`, rel: "self" }],
    entries: rows.map((row) => ({
      id: `urn:uuid:${row.id}`,
      title: { value: title(row) },
      updated: new Date(row.updatedAt),
      ...(row.publishedAt === null ? {} : { published: new Date(row.publishedAt) }),
      summary: { value: row.notes },
      categories: [{ term: row.eventType }, { term: row.subEventType }],
      links: link(`/incidents/${row.id}`),
      ...(row.lat === null || row.lon === null ? {} : { georss: { point: { lat: row.lat, lng: row.lon } } }),
    })),
  });
}
