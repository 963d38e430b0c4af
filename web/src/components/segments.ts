// Cuts a text at the edges of the spans a report was read from, so that the marked words can be shown.
import type { Span } from "../api/types.js";

export interface Segment {
  readonly text: string;
  readonly marked: boolean;
}

/** Spans outside the text are clipped, empty ones dropped, overlapping or touching ones merged. */
export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const clipped = spans
    .map((s) => ({
      start: Math.max(0, Math.min(s.start, text.length)),
      end: Math.max(0, Math.min(s.end, text.length)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of clipped) {
    const last = merged.at(-1);
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) segments.push({ text: text.slice(at, s.start), marked: false });
    segments.push({ text: text.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
