// Periods a series counts by: a day (YYYY-MM-DD), an ISO week (its Monday, YYYY-MM-DD) or a month (YYYY-MM).

export type Granularity = "day" | "week" | "month";

export const granularities: readonly Granularity[] = ["day", "week", "month"];

const DAY_MS = 86_400_000;

const utcDay = (day: string): Date => new Date(`${day.slice(0, 10)}T00:00:00Z`);

/** The period a day (YYYY-MM-DD) falls in, spelled as the store's tally spells it. */
export function periodOf(day: string, granularity: Granularity): string {
  switch (granularity) {
    case "day":
      return day.slice(0, 10);
    case "month":
      return day.slice(0, 7);
    case "week": {
      const d = utcDay(day);
      // getUTCDay: Sunday 0 … Saturday 6; the ISO week starts on Monday.
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return new Date(d.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
    }
  }
}

/** The period after `period`. */
export function nextPeriod(period: string, granularity: Granularity): string {
  if (granularity === "month") {
    const [y, m] = period.split("-").map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
  }
  const step = granularity === "week" ? 7 : 1;
  return new Date(utcDay(period).getTime() + step * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every period from the one holding `from` to the one holding `to`, inclusive, oldest first; at most `limit`
 * (a range that would hold more throws RangeError rather than build a series nobody can draw).
 */
export function periodsBetween(from: string, to: string, granularity: Granularity, limit = 10_000): string[] {
  const last = periodOf(to, granularity);
  const out: string[] = [];
  for (let p = periodOf(from, granularity); p <= last; p = nextPeriod(p, granularity)) {
    if (out.length === limit) {
      throw new RangeError(`${from} to ${to} holds more than ${limit} ${granularity}s`);
    }
    out.push(p);
  }
  return out;
}
