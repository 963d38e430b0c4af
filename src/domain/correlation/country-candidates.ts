// Which incidents a report placed only to the country can be scored against, from the reports' dates alone:
// the same test the blocking index applies (candidate-index.ts), so a store can narrow a whole country's
// window to exactly the incidents the correlator would consider before any report is read whole.
import { DAY_WINDOW, dayNumber } from "./features.js";

/** What the test needs of a report (stored or new). */
export interface Dating {
  readonly date: string | null;
  readonly datePrecision: 1 | 2 | 3 | null;
  readonly createdAt: string;
  readonly country: string;
}

/** A report's day and its precision as `featuresOf` sets them: an undated report counts from its arrival, to the month. */
export function dayOf(report: Dating): { readonly day: number; readonly precision: 1 | 2 | 3 } {
  const dated = report.date !== null && !Number.isNaN(dayNumber(report.date));
  return dated
    ? { day: dayNumber(report.date as string), precision: report.datePrecision ?? 1 }
    : { day: dayNumber(report.createdAt), precision: 3 };
}

/**
 * The day an incident is anchored at and that day's precision, as `IncidentState` keeps them: the lower
 * median of the days of its best-dated reports. Null for an incident without reports.
 */
export function anchorOf(
  members: readonly Dating[],
): { readonly day: number; readonly precision: 1 | 2 | 3 } | null {
  const days = members.map(dayOf);
  if (days.length === 0) return null;
  const precision = Math.min(...days.map((d) => d.precision)) as 1 | 2 | 3;
  const best = days
    .filter((d) => d.precision === precision)
    .map((d) => d.day)
    .sort((a, b) => a - b);
  return { day: best[(best.length - 1) >> 1] as number, precision };
}

/**
 * Whether the blocking index offers the incident (its reports, in its order) to a report without an admin1:
 * the incident's first report is of the report's country, and the days lie within the wider of the two
 * precisions' windows. The correlator scores no other incident for such a report.
 */
export function countryCandidate(report: Dating, members: readonly Dating[]): boolean {
  const first = members[0];
  const anchor = anchorOf(members);
  if (first === undefined || anchor === null || first.country !== report.country) return false;
  const own = dayOf(report);
  return Math.abs(own.day - anchor.day) <= Math.max(DAY_WINDOW[own.precision], DAY_WINDOW[anchor.precision]);
}
