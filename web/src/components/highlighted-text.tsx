// A document's text with the spans a report was read from marked: the reader sees exactly which words the
// machine took each figure from. Overlapping spans are merged; text is only ever rendered as text.
import type { JSX } from "preact";
import type { Span } from "../api/types.js";

export interface Segment {
  readonly text: string;
  readonly marked: boolean;
}

/** Cuts the text at the spans' edges; spans outside the text are clipped, overlapping ones merged. */
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

export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }): JSX.Element {
  return (
    <div class="source-text">
      {segmentsOf(text, spans).map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </div>
  );
}
