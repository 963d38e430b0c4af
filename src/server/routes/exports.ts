// Open data: published incidents as ACLED-style CSV, CSV with HXL tags, GeoJSON or Atom, streamed.
import { z } from "zod";
import { exportFormats, exportIncidents } from "../../application/publication/exports/export-incidents.js";
import { route } from "../route.js";
import { filterOf, incidentFilterQuery } from "../schemas/incident-query.js";
import { checkPartyFilter } from "../visibility.js";

export const getExport = route({
  params: z.object({ format: z.enum(exportFormats).describe("acled, hxl, geojson or atom") }),
  query: incidentFilterQuery,
  response: z.string().describe("The file: CSV, GeoJSON or Atom XML"),
  produces: ["text/csv", "application/geo+json", "application/atom+xml"],
  description:
    "Published incidents only, redacted for the reader (restricted coordinates rounded, never a witness), with the same filters as the list.",
  handler: async ({ params, query, principal, reply }, context) => {
    checkPartyFilter(query.party, principal, context.agreement);
    const result = exportIncidents(
      context.store,
      params.format,
      principal,
      filterOf(query, context.agreement),
      {
        agreements: context.agreements,
        baseUrl: context.config.publicUrl,
        now: context.now,
      },
    );
    return reply
      .type(result.mediaType)
      .header("content-disposition", `attachment; filename="${result.filename}"`)
      .header("cache-control", "no-cache")
      .send(result.body);
  },
});
