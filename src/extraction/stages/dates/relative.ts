// War-reporting relative time phrases ("overnight Friday", "in the past 24 hours"), resolved by hand because chrono resolves weekdays into the future.

import type { TimePrecision } from "../../../domain/ontology.js";
import { parseNumberWords } from "../numbers/words.js";
import {
  type DayNumber,
  dayOf,
  mondayOf,
  monthEnd,
  monthStart,
  precisionOfSpan,
  shiftMonth,
  weekdayOnOrBefore,
  ymdOf,
} from "./calendar.js";

export type RelativeKind = "weekday" | "relative" | "part_of_day" | "week" | "month" | "year" | "since";

export interface Resolved {
  start: DayNumber;
  end: DayNumber;
  precision: TimePrecision;
}

export interface RelativeRule {
  readonly pattern: RegExp;
  /** Whether the phrase is anchored at publication and only meaningful with a reference. */
  readonly needsReference: boolean;
  /**
   * "Near" phrases (days and weeks around publication) cannot be placed more exactly than the
   * reference itself: with a month-precision reference they collapse to that month.
   */
  readonly near: boolean;
  kind(m: RegExpExecArray): RelativeKind;
  resolve(m: RegExpExecArray, anchor: DayNumber): Resolved | null;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const day = (n: DayNumber, precision: TimePrecision = 1): Resolved => ({ start: n, end: n, precision });
const window = (start: DayNumber, end: DayNumber, precision: TimePrecision): Resolved => ({
  start,
  end,
  precision,
});
const lower = (s: string | undefined): string => (s ?? "").toLowerCase().replace(/\s+/g, " ");
const count = (s: string | undefined): number | null =>
  /^an?$/i.test(s ?? "") ? 1 : parseNumberWords(lower(s));

const NUM = String.raw`(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)`;

export const relativeRules: readonly RelativeRule[] = [
  {
    // "overnight Friday", "Thursday morning", "since Monday", "last Sunday".
    pattern:
      /\b(?:(overnight|late|early|since|last|past|previous|next)\s+(?:on\s+)?)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s*,?\s+(morning|afternoon|evening|night|overnight)\b)?/gi,
    needsReference: true,
    near: true,
    kind: (m) => (lower(m[1]) === "since" ? "since" : "weekday"),
    resolve(m, anchor) {
      const weekday = WEEKDAYS.indexOf(lower(m[2]));
      const prefix = lower(m[1]);
      if (prefix === "next") return day(weekdayOnOrBefore(anchor, weekday) + 7);
      // "last Monday" said on a Monday means a week ago, not today.
      const strict = prefix === "last" || prefix === "past" || prefix === "previous";
      const d = weekdayOnOrBefore(anchor, weekday, strict);
      return prefix === "since" ? window(d, anchor, precisionOfSpan(d, anchor)) : day(d);
    },
  },
  {
    pattern:
      /\b(?:(the\s+day\s+before)\s+)?(?:(?:late|early)\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?\b/gi,
    needsReference: true,
    near: true,
    kind: () => "relative",
    resolve: (m, anchor) => day(anchor - (m[1] ? 2 : 1)),
  },
  {
    pattern: /\b(?:(?:earlier|later|late|early)\s+)?(today|tomorrow)\b/gi,
    needsReference: true,
    near: true,
    kind: () => "relative",
    resolve: (m, anchor) => day(lower(m[1]) === "tomorrow" ? anchor + 1 : anchor),
  },
  {
    pattern: /\b(?:(?:earlier|later|late|early)\s+)?(?:this\s+(?:morning|afternoon|evening)|tonight)\b/gi,
    needsReference: true,
    near: true,
    kind: () => "part_of_day",
    resolve: (_m, anchor) => day(anchor),
  },
  {
    // Reports filed in the morning speak of the night that ended it: the incident day is the one before.
    pattern:
      /\b(?:(?:late|early)\s+)?(?:last\s+night|overnight|the\s+night\s+before|the\s+previous\s+night|during\s+the\s+night)\b/gi,
    needsReference: true,
    near: true,
    kind: () => "part_of_day",
    resolve: (_m, anchor) => day(anchor - 1),
  },
  {
    // Russian and Syrian daily bulletins: "in the past 24 hours" covers the day before publication.
    pattern:
      /\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(24|twenty[-\s]four|48|forty[-\s]eight|72|seventy[-\s]two)\s+hours\b/gi,
    needsReference: true,
    near: true,
    kind: () => "relative",
    resolve(m, anchor) {
      const hours = parseNumberWords(lower(m[1])) ?? 24;
      const days = Math.max(1, Math.round(hours / 24));
      return window(anchor - days, anchor, days === 1 ? 1 : 2);
    },
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(?:(${NUM})\s+)?days?\b`,
      "gi",
    ),
    needsReference: true,
    near: true,
    kind: () => "relative",
    resolve(m, anchor) {
      const n = m[1] ? count(m[1]) : 1;
      if (n === null || n < 1) return null;
      // "The past two days" is two days, not one known day: never precision 1 unless it is one day.
      return window(anchor - n, anchor, n === 1 ? 1 : n <= 7 ? 2 : 3);
    },
  },
  {
    pattern: new RegExp(String.raw`\b(${NUM})\s+(day|week|month|year)s?\s+ago\b`, "gi"),
    needsReference: true,
    near: true,
    kind(m) {
      const unit = lower(m[2]);
      return unit === "day" ? "relative" : unit === "week" ? "week" : unit === "month" ? "month" : "year";
    },
    resolve(m, anchor) {
      const n = count(m[1]);
      if (n === null) return null;
      const unit = lower(m[2]);
      if (unit === "day") return day(anchor - n);
      if (unit === "week") return day(anchor - 7 * n, 2);
      if (unit === "month") {
        const { year, month } = shiftMonth(anchor, -n);
        return day(dayOf(year, month, Math.min(ymdOf(anchor).day, 28)), 3);
      }
      const year = ymdOf(anchor).year - n;
      return window(dayOf(year, 1, 1), dayOf(year, 12, 31), 3);
    },
  },
  {
    // Saturday to Sunday, the Saturday on or before publication ("last weekend" said on a Saturday: the one before).
    pattern: /\b(?:(?:over|at|during|on)\s+)?(the|this|last|past)\s+weekend\b/gi,
    needsReference: true,
    near: true,
    kind: () => "week",
    resolve(m, anchor) {
      const sat = weekdayOnOrBefore(anchor, 6, lower(m[1]) === "last");
      return window(sat, sat + 1, 2);
    },
  },
  {
    // "last week" is the previous calendar week; "the last week" / "the past week" the seven days up to publication.
    pattern: /\b(?:(the)\s+)?(?:(?:earlier|later)\s+)?(past|last|previous|prior|this|next)\s+week\b/gi,
    needsReference: true,
    near: true,
    kind: () => "week",
    resolve(m, anchor) {
      const which = lower(m[2]);
      if (which === "this") return window(mondayOf(anchor), anchor, 2);
      if (which === "next") return window(mondayOf(anchor) + 7, mondayOf(anchor) + 13, 2);
      if (which === "past" || (which === "last" && m[1])) return window(anchor - 7, anchor, 2);
      const monday = mondayOf(anchor) - 7;
      return window(monday, monday + 6, 2);
    },
  },
  {
    pattern: /\b(?:(the)\s+)?(?:(?:earlier|later|late|early)\s+)?(this|last|past|previous)\s+month\b/gi,
    needsReference: true,
    near: false,
    kind: () => "month",
    resolve(m, anchor) {
      const which = lower(m[2]);
      const { year, month } = ymdOf(anchor);
      if (which === "this") return window(monthStart(year, month), anchor, 3);
      if (which === "past" || (which === "last" && m[1])) return window(anchor - 30, anchor, 3);
      const prev = shiftMonth(anchor, -1);
      return window(monthStart(prev.year, prev.month), monthEnd(prev.year, prev.month), 3);
    },
  },
  {
    pattern: /\b(?:(?:earlier|later)\s+)?(this|last)\s+year\b/gi,
    needsReference: true,
    near: false,
    kind: () => "year",
    resolve(m, anchor) {
      const { year } = ymdOf(anchor);
      if (lower(m[1]) === "this") return window(dayOf(year, 1, 1), anchor, 3);
      return window(dayOf(year - 1, 1, 1), dayOf(year - 1, 12, 31), 3);
    },
  },
  {
    // A bare year needs a preposition in front, or "1,000"-like figures and "Resolution 2254" would become years.
    pattern:
      /\b(since|in|during|from|until|till|by|throughout|of)\s+(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?((?:19[5-9]|20\d)\d)\b(?![,.]\d)/gi,
    needsReference: false,
    near: false,
    kind: (m) => (lower(m[1]) === "since" ? "since" : "year"),
    resolve(m) {
      const year = Number(m[2]);
      return window(dayOf(year, 1, 1), dayOf(year, 12, 31), 3);
    },
  },
];
