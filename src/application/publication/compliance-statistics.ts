// Compliance statistics for the dashboard and bulletins: per party and per governorate over time, the parties'
// claims beside the guarantors' findings, and escalation alerts.
import { type Principal, visibilityOf } from "../../domain/access/principal.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { namesParties, readsPublications } from "../../domain/publication/audience.js";
import type { IncidentStatus } from "../../domain/records/incident.js";
import {
  dailyEscalationRule,
  describeRule,
  type EscalationRule,
  escalations,
  monthlyEscalationRule,
  weeklyEscalationRule,
} from "../../domain/statistics/escalation.js";
import type { Granularity } from "../../domain/statistics/periods.js";
import {
  type CountRow,
  periodAxis,
  type Series,
  seriesByGroup,
  totalSeries,
} from "../../domain/statistics/series.js";
import { TruceError } from "../../errors.js";
import type { IncidentFilter, Repositories } from "../../ports/store.js";

export interface StatisticsOptions {
  /** Count by day (default), ISO week or month. */
  readonly granularity?: Granularity;
  /** The agreement in force: its publication policy says who reads published material and whether parties are named. */
  readonly agreement?: Pick<Agreement, "publication">;
  /** Default: mean + 3 sd of the trailing 28 days (12 weeks, 12 months), at least 3 incidents. */
  readonly rule?: EscalationRule;
}

/** Counts per period: `claimed` every incident a source attributes to it (or that lies there), `verified`
 * those the guarantors' verdict attributes to a party. */
export interface GroupSeries {
  readonly key: string;
  readonly claimed: readonly number[];
  readonly verified: readonly number[];
  readonly claimedTotal: number;
  readonly verifiedTotal: number;
}

export interface EscalationAlert {
  readonly subject: "total" | "party" | "admin1";
  /** The party or ISO 3166-2 code; null for the total. */
  readonly key: string | null;
  readonly measure: "claimed" | "verified";
  readonly period: string;
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly threshold: number;
}

export interface ComplianceStatistics {
  readonly granularity: Granularity;
  readonly periods: readonly string[];
  /** Every incident counted, and those with a verdict attributing a violation, per period. */
  readonly total: { readonly claimed: readonly number[]; readonly verified: readonly number[] };
  /** Per party: how often sources name it as perpetrator (claimed) and how often the verdict does (verified).
   * Empty when the agreement's policy keeps the parties unnamed for this reader. */
  readonly parties: readonly GroupSeries[];
  /** Per governorate (ISO 3166-2): incidents there, and those attributed by a verdict. */
  readonly governorates: readonly GroupSeries[];
  /** Incidents left out of the series because their date is unknown. */
  readonly undated: number;
  /** Newest first. */
  readonly alerts: readonly EscalationAlert[];
  readonly rule: EscalationRule & { readonly description: string };
  readonly partiesNamed: boolean;
}

const defaultRules: Readonly<Record<Granularity, EscalationRule>> = {
  day: dailyEscalationRule,
  week: weeklyEscalationRule,
  month: monthlyEscalationRule,
};

/** The periods the series run over; a span too long to draw at this granularity is the caller's to narrow. */
function axisOf(rows: readonly CountRow[], granularity: Granularity, filter: IncidentFilter): string[] {
  try {
    return periodAxis(rows, granularity, { from: filter.from, to: filter.to });
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause;
    throw new TruceError(
      "TRUCE_E_USAGE",
      `${cause.message}: narrow the dates (from, to) or count by a longer period (week, month)`,
      { cause },
    );
  }
}

const allStatuses: readonly IncidentStatus[] = ["open", "awaiting_positions", "decided", "published"];

function paired(
  claimed: readonly Series[],
  verified: readonly Series[],
  axis: readonly string[],
): GroupSeries[] {
  const zeros = axis.map(() => 0);
  const keys = [
    ...new Set([...claimed, ...verified].map((s) => s.key).filter((k): k is string => k !== null)),
  ];
  return keys
    .map((key) => {
      const c = claimed.find((s) => s.key === key);
      const v = verified.find((s) => s.key === key);
      return {
        key,
        claimed: c?.counts ?? zeros,
        verified: v?.counts ?? zeros,
        claimedTotal: c?.total ?? 0,
        verifiedTotal: v?.total ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.verifiedTotal - a.verifiedTotal || b.claimedTotal - a.claimedTotal || a.key.localeCompare(b.key),
    );
}

/**
 * The statistics over the incidents the principal may read that match the filter. Three tallies in the store,
 * whatever the number of incidents: by period and perpetrator, by period and accused, by period, governorate
 * and accused.
 */
export async function complianceStatistics(
  store: Repositories,
  filter: IncidentFilter,
  principal: Principal,
  options: StatisticsOptions = {},
): Promise<ComplianceStatistics> {
  const granularity = options.granularity ?? "day";
  const rule = options.rule ?? defaultRules[granularity];
  const policy = options.agreement?.publication;
  const partiesNamed = policy === undefined || namesParties(principal, policy);
  // Outside the agreement's audience, published material is not this reader's: only what it may see otherwise.
  const statuses =
    policy !== undefined && !readsPublications(principal, policy.audience)
      ? (filter.status ?? allStatuses).filter((s) => s !== "published")
      : filter.status;
  const visible: IncidentFilter = {
    ...filter,
    ...(statuses === undefined ? {} : { status: statuses }),
    visibleTo: visibilityOf(principal),
  };
  const [byPerpetrator, byAccused, byPlace] = await Promise.all([
    partiesNamed ? store.incidents.tally(visible, [granularity, "perpetrator"]) : Promise.resolve([]),
    partiesNamed ? store.incidents.tally(visible, [granularity, "accused"]) : Promise.resolve([]),
    store.incidents.tally(visible, [granularity, "admin1", "accused"]),
  ]);
  const axis = axisOf(byPlace, granularity, filter);
  const placeRows: CountRow[] = byPlace.map((r) => ({
    keys: [r.keys[0] ?? null, r.keys[1] ?? null],
    count: r.count,
  }));
  const verifiedPlaceRows = byPlace
    .filter((r) => r.keys[2] !== null)
    .map((r) => ({ keys: [r.keys[0] ?? null, r.keys[1] ?? null], count: r.count }));
  const total = totalSeries(placeRows, axis);
  const verifiedTotal = totalSeries(verifiedPlaceRows, axis);
  const parties = paired(seriesByGroup(byPerpetrator, axis), seriesByGroup(byAccused, axis), axis);
  const governorates = paired(seriesByGroup(placeRows, axis), seriesByGroup(verifiedPlaceRows, axis), axis);

  const alerts: EscalationAlert[] = [];
  const watch = (
    subject: EscalationAlert["subject"],
    key: string | null,
    measure: EscalationAlert["measure"],
    counts: readonly number[],
  ) => {
    for (const { index, count, mean, sd, threshold } of escalations(counts, rule)) {
      alerts.push({ subject, key, measure, period: axis[index] as string, count, mean, sd, threshold });
    }
  };
  watch("total", null, "claimed", total.counts);
  watch("total", null, "verified", verifiedTotal.counts);
  for (const p of parties) {
    watch("party", p.key, "claimed", p.claimed);
    watch("party", p.key, "verified", p.verified);
  }
  for (const g of governorates) watch("admin1", g.key, "claimed", g.claimed);
  alerts.sort((a, b) => b.period.localeCompare(a.period) || b.count - a.count);

  return {
    granularity,
    periods: axis,
    total: { claimed: total.counts, verified: verifiedTotal.counts },
    parties,
    governorates,
    undated: byPlace.filter((r) => r.keys[0] === null).reduce((n, r) => n + r.count, 0),
    alerts,
    rule: { ...rule, description: describeRule(rule, granularity) },
    partiesNamed,
  };
}
