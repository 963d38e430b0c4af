// The date an article's relative dates are read against: its publication date, or the latest full date it states.
import type { TimePrecision } from "../../domain/ontology.js";

export interface ReferenceDate {
  readonly date: string;
  readonly precision: TimePrecision;
}

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

const monthNames =
  "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
const statedDate = new RegExp(
  `\\b(?:(\\d{1,2})\\s+(${monthNames})\\.?,?\\s+((?:19|20)\\d{2})|(${monthNames})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2}))\\b`,
  "g",
);
const monthIndex = (name: string) =>
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * With no publication date, the latest full date the text states ("December 30, 2016") stands in for it:
 * articles date their events relative to when they were written, which is on or after every date they state.
 */
export function referenceFromText(text: string): ReferenceDate | null {
  let latest: string | null = null;
  for (const m of text.matchAll(statedDate)) {
    const day = Number(m[1] ?? m[5]);
    const month = monthIndex(m[2] ?? m[4] ?? "");
    const year = Number(m[3] ?? m[6]);
    if (month < 1 || day < 1 || day > 31) continue;
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (!latest || iso > latest) latest = iso;
  }
  return latest ? { date: latest, precision: 2 } : null;
}

export const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
