// What the map draws: one point per incident, clustered in the browser, and the counts that shade governorates.
import { z } from "zod";
import { eventType, incidentStatus } from "./records.js";

export const mapPoint = z.object({
  id: z.string(),
  lat: z.number(),
  lon: z.number(),
  status: incidentStatus,
  accused: z.string().nullable(),
  eventType,
  date: z.string().nullable(),
  coordinatesRestricted: z.boolean(),
});

export const mapData = z
  .object({
    points: z.array(mapPoint),
    truncated: z.boolean().describe("More incidents match than `limit` points: narrow the filter or zoom in"),
    admin1: z
      .array(z.object({ admin1: z.string().nullable(), count: z.number().int() }))
      .describe("Incidents per governorate (ISO 3166-2), for shading"),
  })
  .meta({ id: "MapData" });
