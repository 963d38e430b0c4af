// Calendar days as the API writes them (YYYY-MM-DD, UTC).

const DAY_MS = 86_400_000;

export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The Monday of the ISO week a day falls in: a weekly bulletin is named by it. */
export function mondayOf(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return isoDay(time - sinceMonday * DAY_MS);
}
