// The compliance dashboard's numbers: violations over time per party and per governorate, claimed beside
// verified, with escalation alerts.
import { z } from "zod";
import { complianceStatistics } from "../../application/publication/compliance-statistics.js";
import { type Granularity, granularities } from "../../domain/statistics/periods.js";
import { addDays } from "../../extraction/stages/reference-date.js";
import type { IncidentFilter } from "../../ports/store.js";
import { route } from "../route.js";
import { filterFields, filterOf } from "../schemas/incident-query.js";

const series = z.object({
  key: z.string(),
  claimed: z.array(z.number().int()),
  verified: z.array(z.number().int()),
  claimedTotal: z.number().int(),
  verifiedTotal: z.number().int(),
});

/**
 * Days counted when the request names no `from`: a year by day, three years by week, ten by month. Over every
 * incident of a store of a million the three tallies take seconds; a dashboard opened without dates wants
 * the recent past, and dates ask for any other span.
 */
const DEFAULT_SPAN_DAYS: Readonly<Record<Granularity, number>> = { day: 365, week: 3 * 365, month: 10 * 365 };

/** The filter with its default dates: `to` today when neither bound is given, `from` the span before `to`. */
function withDefaultRange(filter: IncidentFilter, granularity: Granularity, today: string): IncidentFilter {
  if (filter.from !== undefined) return filter;
  const to = filter.to ?? today;
  return { ...filter, from: addDays(to, 1 - DEFAULT_SPAN_DAYS[granularity]), to };
}

export const getStats = route({
  description: [
    "Without `from`, the counts cover the year up to `to` by day, three years by week or ten by month, `to` being",
    "today when it is not given either; give `from` (and `to`) for any other span.",
  ].join(" "),
  query: z
    .object({
      ...filterFields,
      granularity: z.enum(granularities).default("day").describe("Count by day, ISO week or month"),
    })
    .superRefine((q, ctx) => {
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `${q.from} is after to (${q.to})` });
      }
    }),
  response: z
    .object({
      granularity: z.enum(granularities),
      periods: z.array(z.string()),
      total: z.object({ claimed: z.array(z.number().int()), verified: z.array(z.number().int()) }),
      parties: z
        .array(series)
        .describe("Per party: named as perpetrator by sources (claimed), by a verdict (verified)"),
      governorates: z.array(series),
      undated: z.number().int(),
      alerts: z.array(
        z.object({
          subject: z.enum(["total", "party", "admin1"]),
          key: z.string().nullable(),
          measure: z.enum(["claimed", "verified"]),
          period: z.string(),
          count: z.number(),
          mean: z.number(),
          sd: z.number(),
          threshold: z.number(),
        }),
      ),
      rule: z.object({
        window: z.number().int(),
        minBaseline: z.number().int(),
        sigmas: z.number(),
        minCount: z.number().int(),
        description: z.string(),
      }),
      partiesNamed: z.boolean(),
    })
    .meta({ id: "ComplianceStatistics" }),
  handler: async ({ query, principal }, { store, agreement, now }) =>
    complianceStatistics(
      store,
      withDefaultRange(filterOf(query), query.granularity, now().slice(0, 10)),
      principal,
      { granularity: query.granularity, agreement },
    ),
});
