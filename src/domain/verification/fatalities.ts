// Fatalities of an incident across its sources: the lowest and highest stated, and the median of independent sources.
import type { Report } from "../records/report.js";
import { independentSources, latestBy } from "./independence.js";

export type FatalityReport = Pick<Report, "id" | "source" | "copyGroup" | "killed" | "createdAt">;

/** Same shape as Incident["killed"]. */
export interface Fatalities {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

/**
 * low and high are the extremes any report states. best is the median over independent sources (see
 * `independentSources`), each counted once with its latest figure, so a toll an outlet raised from 3 to 5,
 * or a wire story re-published ten times, is one figure. With an even number of sources best is the lower
 * of the two middle figures: a number some source actually gave, and the cautious one, instead of a mean
 * that may be a fraction of a person. 0 ("no casualties") is a figure; null (not stated) is not. Returns
 * null when no report states a figure.
 */
export function fatalities(reports: readonly FatalityReport[]): Fatalities | null {
  const stated = reports.flatMap((r) => (r.killed === null ? [] : [r.killed]));
  if (stated.length === 0) return null;
  // Independence is decided over all reports (a report without a figure can still tie two sources together).
  const perSource = independentSources(reports).flatMap((group) => {
    const latest = latestBy(
      group.filter((r) => r.killed !== null),
      (r) => r.createdAt,
    );
    return latest?.killed === null || latest === undefined ? [] : [latest.killed];
  });
  const sorted = [...perSource].sort((a, b) => a - b);
  const best = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  return { low: Math.min(...stated), best, high: Math.max(...stated) };
}
