// Calendar dates ("Dec. 30", "between November 26 and December 8") read by chrono, with years inferred from publication.

import * as chrono from "chrono-node";
import type { TimePrecision } from "../../../domain/ontology.js";
import type { DateKind, ReferenceDate } from "../dates.js";
import {
  type DayNumber,
  dayOf,
  monthEnd,
  monthStart,
  parseIsoDay,
  precisionOfSpan,
  ymdOf,
} from "./calendar.js";
import type { Resolved } from "./relative.js";

export interface RefWindow {
  start: DayNumber;
  end: DayNumber;
  precision: TimePrecision;
}

export function referenceWindow(ref: ReferenceDate | null): RefWindow | null {
  if (!ref) return null;
  const n = parseIsoDay(ref.date);
  if (n === null) return null;
  if (ref.precision === 1) return { start: n, end: n, precision: 1 };
  if (ref.precision === 2) return { start: n, end: n + 6, precision: 2 };
  const { year, month } = ymdOf(n);
  return { start: monthStart(year, month), end: monthEnd(year, month), precision: 3 };
}

export interface Candidate {
  start: number;
  end: number;
  kind: DateKind;
  resolved: Resolved | null;
  /** Calendar dates outrank relative phrases they overlap ("Monday, Oct. 15"). */
  explicit: boolean;
}

// Capitalised month names only: lower-case "may" and "march" are a verb and a protest far more often.
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`;
const CALENDAR_TRIGGER = new RegExp(String.raw`\b${MONTH}|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b`, "g");
const CALENDAR_IN_RESULT = new RegExp(String.raw`\b${MONTH}|\d[/.-]\d`);
const SINCE_BEFORE = /\bsince\s+(?:(?:early|late|mid)[\s-]+)?$/i;
const MONTH_ONLY_PREFIX =
  /\b(?:in|during|since|until|till|by|from|through|throughout|of|early|late|mid)[\s-]+$/i;
const RANGE_JOIN = /^\s*(?:and|to|until|till|through|-|–|—)\s*$/i;
const RANGE_OPEN = /\b(?:between|from)\s+$/i;

/** Sentence-ish segments: chrono is only worth running on the few that name a month. */
function segmentsWithCalendarWords(text: string): Array<[number, number]> {
  CALENDAR_TRIGGER.lastIndex = 0;
  const out: Array<[number, number]> = [];
  for (let m = CALENDAR_TRIGGER.exec(text); m; m = CALENDAR_TRIGGER.exec(text)) {
    if (out.length > 0 && m.index < (out[out.length - 1]?.[1] ?? 0)) continue;
    let start = text.lastIndexOf("\n", m.index) + 1;
    const stop = text.slice(start, m.index).search(/[.!?]\s+[A-Z"“(][^.!?]*$/);
    if (stop >= 0) start += stop + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    // A period after a digit ends a sentence; after "Dec" it is an abbreviation that continues it.
    const next = /(?<=[a-z\d]{3,}|\d)[.!?]\s+(?=[A-Z"“(])/g;
    next.lastIndex = m.index + m[0].length;
    const cut = next.exec(text);
    if (cut && cut.index < end) end = cut.index + 1;
    out.push([start, end]);
    CALENDAR_TRIGGER.lastIndex = end;
  }
  return out;
}

function inferYear(month: number, dayOfMonth: number, ref: RefWindow | null): number | null {
  if (!ref) return null;
  const { year } = ymdOf(ref.end);
  // No year given: the latest such date on or before publication (the article reports the past).
  return dayOf(year, month, dayOfMonth) <= ref.end ? year : year - 1;
}

export function chronoCandidates(text: string, ref: RefWindow | null): Candidate[] {
  const segments = segmentsWithCalendarWords(text);
  if (segments.length === 0) return [];
  const instant = new Date((ref ? ref.end : dayOf(2000, 1, 1)) * 86_400_000 + 43_200_000);
  const out: Candidate[] = [];
  for (const [s, e] of segments) {
    const results = chrono.en.casual.parse(
      text.slice(s, e),
      { instant, timezone: 0 },
      { forwardDate: false },
    );
    for (const r of results) {
      if (!CALENDAR_IN_RESULT.test(r.text)) continue; // "000 to 400", "this week": not calendar dates
      const c = fromChrono(r, s + r.index, ref, text);
      if (c) out.push(c);
    }
  }
  return out;
}

function fromChrono(
  r: chrono.ParsedResult,
  at: number,
  ref: RefWindow | null,
  text: string,
): Candidate | null {
  const st = r.start;
  const month = st.get("month");
  if (!st.isCertain("month") || month === null) return null;
  const yearKnown = st.isCertain("year");
  const end = at + r.text.length;
  const since = SINCE_BEFORE.exec(text.slice(Math.max(0, at - 20), at));
  const start = since ? at - since[0].length : at;
  if (!st.isCertain("day")) {
    // "September 2015", or "in September" with a preposition in front.
    if (!yearKnown && !MONTH_ONLY_PREFIX.test(text.slice(Math.max(0, at - 30), at))) return null;
    const year = yearKnown ? st.get("year") : inferYear(month, 1, ref);
    const resolved =
      year === null
        ? null
        : { start: monthStart(year, month), end: monthEnd(year, month), precision: 3 as const };
    return { start, end, kind: since ? "since" : "month", resolved, explicit: true };
  }
  const d = st.get("day") ?? 1;
  const year = yearKnown ? st.get("year") : inferYear(month, d, ref);
  const single: DateKind = since ? "since" : "day";
  if (year === null) return { start, end, kind: r.end ? "range" : single, resolved: null, explicit: true };
  let first = dayOf(year, month, d);
  let last = first;
  if (r.end?.isCertain("day")) {
    const em = r.end.get("month") ?? month;
    const ed = r.end.get("day") ?? d;
    const ey = r.end.isCertain("year") ? r.end.get("year") : yearKnown ? year : inferYear(em, ed, ref);
    last = dayOf(ey ?? year, em, ed);
    // Each end lands on or before publication; a range across New Year then starts the year before.
    if (last < first) first = dayOf(year - 1, month, d);
  }
  return {
    start,
    end,
    kind: since ? "since" : last > first ? "range" : "day",
    resolved: resolvedSpan(first, last),
    explicit: true,
  };
}

const resolvedSpan = (start: DayNumber, end: DayNumber): Resolved => ({
  start,
  end,
  precision: precisionOfSpan(start, end),
});

/** "between November 26 and December 8": chrono reads two dates, the analyst one span. */
export function joinRanges(cands: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (
      prev?.kind === "day" &&
      c.kind === "day" &&
      RANGE_JOIN.test(text.slice(prev.end, c.start)) &&
      RANGE_OPEN.test(text.slice(Math.max(0, prev.start - 10), prev.start))
    ) {
      const opener = RANGE_OPEN.exec(text.slice(Math.max(0, prev.start - 10), prev.start));
      let resolved: Resolved | null = null;
      if (prev.resolved && c.resolved) {
        let first = prev.resolved.start;
        const last = c.resolved.end;
        if (first > last) first = dayOf(ymdOf(first).year - 1, ymdOf(first).month, ymdOf(first).day);
        resolved = resolvedSpan(first, last);
      }
      out[out.length - 1] = {
        start: prev.start - (opener?.[0].length ?? 0),
        end: c.end,
        kind: "range",
        resolved,
        explicit: true,
      };
    } else out.push(c);
  }
  return out;
}
