// The compliance dashboard's numbers: violations over time per party and per governorate, claimed beside
// verified, with escalation alerts.
import { z } from "zod";
import { complianceStatistics } from "../../application/publication/compliance-statistics.js";
import { granularities } from "../../domain/statistics/periods.js";
import { route } from "../route.js";
import { filterFields, filterOf } from "../schemas/incident-query.js";

const series = z.object({
  key: z.string(),
  claimed: z.array(z.number().int()),
  verified: z.array(z.number().int()),
  claimedTotal: z.number().int(),
  verifiedTotal: z.number().int(),
});

export const getStats = route({
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
  handler: async ({ query, principal }, { store, agreement }) =>
    complianceStatistics(store, filterOf(query), principal, { granularity: query.granularity, agreement }),
});
