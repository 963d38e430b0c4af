// A document's text with the spans a report was read from marked: the reader sees exactly which words the
// machine took each figure from. Text is only ever rendered as text, never as markup.
import type { JSX } from "preact";
import type { Span } from "../api/types.js";
import { segmentsOf } from "./segments.js";

export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }): JSX.Element {
  return (
    <div class="source-text">
      {segmentsOf(text, spans).map((segment, i) =>
        // Segments are rebuilt whole from the same text: their order is their identity.
        segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </div>
  );
}
