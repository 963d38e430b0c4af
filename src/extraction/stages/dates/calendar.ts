// Calendar arithmetic on UTC day numbers, so date maths never depends on the host's time zone.

import type { TimePrecision } from "../../../domain/ontology.js";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC). */
export type DayNumber = number;

export const dayOf = (year: number, month: number, day: number): DayNumber =>
  Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(iso: string): DayNumber | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayOf(y, mo, d);
  // Date.UTC silently rolls 2018-02-31 over to March; a rolled date is a malformed reference.
  return isoOf(n) === iso ? n : null;
}

export const isoOf = (n: DayNumber): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdOf(n: DayNumber): Ymd {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (n: DayNumber): number => (((n + 4) % 7) + 7) % 7;

/** The most recent day with this weekday on or before `n` (strictly before when `strict`). */
export function weekdayOnOrBefore(n: DayNumber, weekday: number, strict = false): DayNumber {
  const back = (weekdayOf(n) - weekday + 7) % 7;
  return n - (back === 0 && strict ? 7 : back);
}

/** The Monday of the week holding `n`: news weeks run Monday to Sunday. */
export const mondayOf = (n: DayNumber): DayNumber => n - ((weekdayOf(n) + 6) % 7);

export const monthStart = (year: number, month: number): DayNumber => dayOf(year, month, 1);
export const monthEnd = (year: number, month: number): DayNumber => dayOf(year, month + 1, 1) - 1;

/** The first day of the month `delta` months from the month holding `n`. */
export function shiftMonth(n: DayNumber, delta: number): Ymd {
  const { year, month } = ymdOf(n);
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** Coarsest of two precisions: a date is never more exact than what it was resolved against. */
export const coarser = (a: TimePrecision, b: TimePrecision): TimePrecision => (a > b ? a : b);

/** ACLED precision for a span of days: one day, within a week, within a month. */
export const precisionOfSpan = (start: DayNumber, end: DayNumber): TimePrecision =>
  end - start < 1 ? 1 : end - start < 7 ? 2 : 3;
