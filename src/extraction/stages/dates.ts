// Date mentions in article text, resolved against the publication date the way a conflict analyst reads them.

import type { TimePrecision } from "../../domain/ontology.js";
import type { Span } from "../../domain/text/span.js";
import { coarser, isoOf } from "./dates/calendar.js";
import {
  type Candidate,
  chronoCandidates,
  joinRanges,
  type RefWindow,
  referenceWindow,
} from "./dates/calendar-dates.js";
import { type Resolved, relativeRules } from "./dates/relative.js";

/**
 * The article's publication date. For a day-precision date pass the day with precision 1. For a
 * month-precision date ("2018-10") pass the first of that month with precision 3 ("2018-10-01");
 * any day of the month works, the whole month is used. Precision 2 means the seven days from `date`.
 */
export interface ReferenceDate {
  date: string;
  precision: TimePrecision;
}

export type DateKind =
  | "day"
  | "weekday"
  | "relative"
  | "part_of_day"
  | "range"
  | "week"
  | "month"
  | "year"
  | "since";

export interface DateMention {
  span: Span;
  text: string;
  /** First day the mention can denote (YYYY-MM-DD); null when it cannot be resolved. */
  date: string | null;
  /** Last day, when the mention denotes more than one day; null for a single day. */
  end: string | null;
  precision: TimePrecision;
  kind: DateKind;
  /** `date` is on or before the reference (its last day); always false without a reference. */
  past: boolean;
}

// Cheap gate for the relative rules: text with none of these words costs one regex scan.
const RELATIVE_TRIGGER =
  /day|night|week|month|year|ago|hours|tonight|tomorrow|morning|evening|afternoon|overnight|since|in\s+\d|of\s+\d|from\s+\d|until\s+\d|till\s+\d|by\s+\d|during\s+\d|throughout\s+\d/i;

function relativeCandidates(text: string, ref: RefWindow | null): Candidate[] {
  if (!RELATIVE_TRIGGER.test(text)) return [];
  const out: Candidate[] = [];
  for (const rule of relativeRules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const kind = rule.kind(m);
      let resolved: Resolved | null = null;
      if (!rule.needsReference) resolved = rule.resolve(m, ref?.end ?? 0);
      else if (ref && rule.near && ref.precision > 1) {
        // "On Monday" in an article known only to be from October: somewhere in October.
        resolved = { start: ref.start, end: ref.end, precision: ref.precision };
      } else if (ref) {
        const r = rule.resolve(m, ref.start);
        resolved = r && { ...r, precision: coarser(r.precision, ref.precision) };
      }
      out.push({ start: m.index, end: m.index + m[0].length, kind, resolved, explicit: false });
    }
  }
  return out;
}

/** Overlaps keep calendar dates first, then the longer phrase ("overnight Friday" over "overnight"). */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const ranked = [...cands].sort(
    (a, b) =>
      Number(b.explicit) - Number(a.explicit) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toMention(c: Candidate, text: string, ref: RefWindow | null): DateMention {
  const r = c.resolved;
  const precision: TimePrecision =
    r?.precision ?? (c.kind === "month" || c.kind === "year" ? 3 : c.kind === "week" ? 2 : 1);
  let endDay = r && r.end !== r.start ? r.end : null;
  // A campaign "since 2014" runs up to publication, whatever unit its start was given in.
  if (c.kind === "since" && r) endDay = ref ? ref.end : null;
  return {
    span: { start: c.start, end: c.end },
    text: text.slice(c.start, c.end),
    date: r ? isoOf(r.start) : null,
    end: endDay === null ? null : isoOf(endDay),
    precision,
    kind: c.kind,
    past: r !== null && ref !== null && r.start <= ref.end,
  };
}

/**
 * Every date-like mention in `text`, in text order, resolved against `reference` (the publication
 * date). Without a reference only dates that carry their own year are resolved.
 */
export function findDates(text: string, reference: ReferenceDate | null): DateMention[] {
  const ref = referenceWindow(reference);
  const calendar = joinRanges(chronoCandidates(text, ref), text);
  const all = resolveOverlaps([...calendar, ...relativeCandidates(text, ref)]);
  return all.map((c) => toMention(c, text, ref));
}
