// The compliance dashboard's numbers: violations over time per party and per governorate, claimed beside
// verified, with escalation alerts.
import { z } from "zod";
import { complianceStatistics } from "../../application/publication/compliance-statistics.js";
import { type Principal, visibilityOf } from "../../domain/access/principal.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { readsPublications } from "../../domain/publication/audience.js";
import type { IncidentStatus } from "../../domain/records/incident.js";
import { type Granularity, granularities } from "../../domain/statistics/periods.js";
import { addDays } from "../../extraction/stages/reference-date.js";
import type { IncidentFilter, Repositories } from "../../ports/store.js";
import { route } from "../route.js";
import { filterFields, filterOf } from "../schemas/incident-query.js";
import { complianceStatistics as statisticsSchema } from "../schemas/statistics.js";
import { checkPartyFilter } from "../visibility.js";

/**
 * Days counted when the request names no `from`: a year by day, two by week, five by month. Over every incident
 * of a store of a million (50 years) the three tallies took 4 to 6 s, and about 0.2 s a year of it; a dashboard
 * opened without dates wants the latest events, and dates ask for any other span.
 */
const DEFAULT_SPAN_DAYS: Readonly<Record<Granularity, number>> = { day: 365, week: 2 * 365, month: 5 * 365 };

const allStatuses: readonly IncidentStatus[] = ["open", "awaiting_positions", "decided", "published"];

/**
 * Where the default span ends: the date of the latest incident the reader counts, so that a record whose events
 * lie years back still shows them; today when there is none. Only dates the reader may read decide it: every
 * status for those who see every incident, the latest published one for the others (if they read publications).
 */
async function defaultEnd(
  store: Repositories,
  principal: Principal,
  agreement: Agreement,
  today: string,
): Promise<string> {
  const visibility = visibilityOf(principal);
  const statuses =
    visibility.scope === "all"
      ? allStatuses
      : readsPublications(principal, agreement.publication.audience)
        ? (["published"] as const)
        : [];
  const latest = statuses.length === 0 ? null : await store.incidents.latestDate(statuses);
  return latest === null || latest > today ? today : latest;
}

/** The filter with its default dates: without `from`, the span before `to` (given, or the default end). */
async function withDefaultRange(
  filter: IncidentFilter,
  granularity: Granularity,
  end: () => Promise<string>,
): Promise<IncidentFilter> {
  if (filter.from !== undefined) return filter;
  const to = filter.to ?? (await end());
  return { ...filter, from: addDays(to, 1 - DEFAULT_SPAN_DAYS[granularity]), to };
}

export const getStats = route({
  publicCache: true,
  description: [
    "Without `from`, the counts cover the year up to `to` by day, two years by week or five by month; without `to`",
    "either, up to the date of the latest incident the reader may see (today when there is none). Give `from` (and",
    "`to`) for any other span.",
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
  response: statisticsSchema,
  handler: async ({ query, principal }, { store, agreement, now }) => {
    checkPartyFilter(query.party, principal, agreement);
    return complianceStatistics(
      store,
      await withDefaultRange(filterOf(query, agreement), query.granularity, () =>
        defaultEnd(store, principal, agreement, now().slice(0, 10)),
      ),
      principal,
      { granularity: query.granularity, agreement },
    );
  },
});
