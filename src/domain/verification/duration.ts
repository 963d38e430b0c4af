// ISO 8601 durations (P7D, PT48H, P1W, P1M) as the agreement file writes them, and adding one to an instant.
//
// Written here rather than taken from a package: the agreement schema already admits only whole-number
// components (no fractions, no negative or alternative formats), which is a dozen lines to parse; the one
// subtle part, calendar months, is handled below; and Temporal, which would do it, is not in Node 20.

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

// The same grammar as the agreement schema's: at least one component, T only when a time part follows.
const pattern =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses P7D, PT48H, P1W, P1Y2M3DT4H5M6S; throws RangeError on anything else (the schema has refused it already). */
export function parseDuration(text: string): Duration {
  const m = pattern.exec(text);
  if (m === null) throw new RangeError(`"${text}" is not an ISO 8601 duration such as P7D or PT48H`);
  const n = (i: number): number => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * The instant a duration after `start`, in UTC. Years and months move the calendar date and clamp to the
 * month's last day (31 January + P1M = 28 or 29 February, as java.time and Temporal do, not 3 March);
 * weeks, days and the time part are exact (UTC has no daylight saving, so a day is 24 hours).
 */
export function addDuration(start: Date, duration: Duration | string): Date {
  const d = typeof duration === "string" ? parseDuration(duration) : duration;
  const out = new Date(start.getTime());
  const monthsToAdd = d.years * 12 + d.months;
  if (monthsToAdd > 0) {
    const day = out.getUTCDate();
    out.setUTCDate(1);
    out.setUTCMonth(out.getUTCMonth() + monthsToAdd);
    const lastDay = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
    out.setUTCDate(Math.min(day, lastDay));
  }
  const ms = ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(out.getTime() + ms);
}
