// The compliance dashboard's numbers: violations per period, per party and per governorate, claimed beside
// verified, and the escalation alerts with the rule that raised them.
import { z } from "zod";
import { granularities } from "../../domain/statistics/periods.js";

const counts = z.array(z.number().int());

const groupSeries = z.object({
  key: z.string(),
  claimed: counts,
  verified: counts,
  claimedTotal: z.number().int(),
  verifiedTotal: z.number().int(),
});

const escalationAlert = z.object({
  subject: z.enum(["total", "party", "admin1"]),
  key: z.string().nullable(),
  measure: z.enum(["claimed", "verified"]),
  period: z.string(),
  count: z.number(),
  mean: z.number(),
  sd: z.number(),
  threshold: z.number(),
});

export const complianceStatistics = z
  .object({
    granularity: z.enum(granularities),
    periods: z.array(z.string()),
    total: z.object({ claimed: counts, verified: counts }),
    parties: z
      .array(groupSeries)
      .describe("Per party: named as perpetrator by sources (claimed), by a verdict (verified)"),
    governorates: z.array(groupSeries),
    undated: z.number().int(),
    alerts: z.array(escalationAlert),
    rule: z.object({
      window: z.number().int(),
      minBaseline: z.number().int(),
      sigmas: z.number(),
      minCount: z.number().int(),
      description: z.string(),
    }),
    partiesNamed: z.boolean(),
  })
  .meta({ id: "ComplianceStatistics" });
