// The date an article's relative dates are read against: its publication date, or the latest full date it states.

import { isoOf, parseIsoDay } from "./dates/calendar.js";
import { findDates, type ReferenceDate } from "./dates.js";

export type { ReferenceDate };

const fullDate = /^(\d{4})-(\d{2})-(\d{2})/;
const monthOnly = /^(\d{4})-(\d{2})$/;

/** Reads "2017-01-17", "2017-01-17T10:00:00Z" or "2018-10"; a month alone counts from its middle. */
export function referenceFromPublished(published: string | null): ReferenceDate | null {
  if (!published) return null;
  const day = fullDate.exec(published);
  if (day) return { date: `${day[1]}-${day[2]}-${day[3]}`, precision: 1 };
  const month = monthOnly.exec(published);
  if (month) return { date: `${month[1]}-${month[2]}-15`, precision: 3 };
  return null;
}

/**
 * With no publication date, the latest full date the text states ("December 30, 2016") stands in for it:
 * articles date their events relative to when they were written, which is on or after every date they state.
 */
export function referenceFromText(text: string): ReferenceDate | null {
  let latest: string | null = null;
  for (const mention of findDates(text, null)) {
    const day = mention.end ?? mention.date;
    if (mention.kind === "day" || mention.kind === "range")
      if (day && (!latest || day > latest)) latest = day;
  }
  return latest ? { date: latest, precision: 2 } : null;
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (parseIsoDay(to) ?? Number.NaN) - (parseIsoDay(from) ?? Number.NaN);
}

export function addDays(date: string, days: number): string {
  return isoOf((parseIsoDay(date) ?? Number.NaN) + days);
}
