// What the map draws: incident points (clustered in the browser) and counts per governorate for shading.
import { z } from "zod";
import { route } from "../route.js";
import { filterFields, filterOf } from "../schemas/incident-query.js";
import { mapData } from "../schemas/map.js";
import { checkPartyFilter, readerVisibility, shownPoint } from "../visibility.js";

const MAX_POINTS = 100_000;

const degrees = (min: number, max: number) => z.number().min(min).max(max);

const bbox = z
  .string()
  .max(200)
  .describe("west,south,east,north in degrees")
  .transform((raw, ctx) => {
    const parts = raw.split(",").map((s) => Number(s.trim()));
    const [west, south, east, north] = parts;
    const ok =
      parts.length === 4 &&
      degrees(-180, 180).safeParse(west).success &&
      degrees(-180, 180).safeParse(east).success &&
      degrees(-90, 90).safeParse(south).success &&
      degrees(-90, 90).safeParse(north).success &&
      (south as number) <= (north as number);
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        message: "give west,south,east,north in degrees, south not above north",
      });
      return z.NEVER;
    }
    return { west: west as number, south: south as number, east: east as number, north: north as number };
  });

export const mapQuery = z
  .object({
    ...filterFields,
    bbox: bbox.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_POINTS).default(20_000),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `${q.from} is after to (${q.to})` });
    }
  });

export const getMap = route({
  query: mapQuery,
  publicCache: true,
  response: mapData,
  handler: async ({ query, principal }, { store, agreement }) => {
    checkPartyFilter(query.party, principal, agreement);
    const visibleTo = readerVisibility(principal, agreement);
    if (visibleTo === null) return { points: [], truncated: false, admin1: [] };
    // Shading counts every governorate, so the box narrows the points only.
    const filter = { ...filterOf(query, agreement), visibleTo };
    const [points, counts] = await Promise.all([
      store.incidents.points(
        query.bbox === undefined ? filter : { ...filter, bbox: query.bbox },
        query.limit + 1,
      ),
      store.incidents.tally(filter, ["admin1"]),
    ]);
    return {
      points: points.slice(0, query.limit).map((p) => shownPoint(p, principal, agreement)),
      truncated: points.length > query.limit,
      admin1: counts.map((row) => ({ admin1: row.keys[0] ?? null, count: row.count })),
    };
  },
});
