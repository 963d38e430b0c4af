// Series over time from the store's tally rows: one count per period for each group (a party, a governorate).
import { type Granularity, periodsBetween } from "./periods.js";

/** A tally row as the store returns it: the values of the dimensions asked for, in that order, and a count. */
export interface CountRow {
  readonly keys: readonly (string | null)[];
  readonly count: number;
}

export interface Series {
  /** The group counted (a party id, an ISO 3166-2 code); null for the total. */
  readonly key: string | null;
  /** One count per period of the axis, in its order. */
  readonly counts: readonly number[];
  readonly total: number;
}

/** The periods a set of rows spans (keys[0] is the period), or [] when there are none. */
export function periodAxis(
  rows: readonly CountRow[],
  granularity: Granularity,
  bounds: { readonly from?: string | undefined; readonly to?: string | undefined } = {},
): string[] {
  const periods = rows.map((r) => r.keys[0]).filter((p): p is string => typeof p === "string");
  const from =
    bounds.from ??
    periods.reduce<string | undefined>((a, p) => (a === undefined || p < a ? p : a), undefined);
  const to =
    bounds.to ?? periods.reduce<string | undefined>((a, p) => (a === undefined || p > a ? p : a), undefined);
  if (from === undefined || to === undefined || from > to) return [];
  return periodsBetween(from, to, granularity);
}

/**
 * Rows keyed [period, group] as one series per group over the axis, zeros where a period has none; groups in
 * the order of their totals (largest first, then by key). Rows with no period (undated incidents) or a
 * period off the axis are left out; rows whose group is null are left out unless `keepNull`.
 */
export function seriesByGroup(
  rows: readonly CountRow[],
  axis: readonly string[],
  options: { readonly keepNull?: boolean } = {},
): Series[] {
  const position = new Map(axis.map((p, i) => [p, i]));
  const byGroup = new Map<string | null, number[]>();
  for (const row of rows) {
    const [period, group = null] = row.keys;
    if (typeof period !== "string") continue;
    const at = position.get(period);
    if (at === undefined || (group === null && options.keepNull !== true)) continue;
    let counts = byGroup.get(group);
    if (counts === undefined) {
      counts = axis.map(() => 0);
      byGroup.set(group, counts);
    }
    counts[at] = (counts[at] ?? 0) + row.count;
  }
  return [...byGroup]
    .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key)));
}

/** One series summing every row per period over the axis. */
export function totalSeries(rows: readonly CountRow[], axis: readonly string[]): Series {
  const position = new Map(axis.map((p, i) => [p, i]));
  const counts = axis.map(() => 0);
  for (const row of rows) {
    const at = typeof row.keys[0] === "string" ? position.get(row.keys[0]) : undefined;
    if (at !== undefined) counts[at] = (counts[at] ?? 0) + row.count;
  }
  return { key: null, counts, total: counts.reduce((a, b) => a + b, 0) };
}
