// Character spans into the document text: every extracted value keeps the span it was read from.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export const span = (start: number, end: number): Span => ({ start, end });

export const spanText = (text: string, s: Span): string => text.slice(s.start, s.end);

export const spanContains = (outer: Span, inner: Span): boolean =>
  outer.start <= inner.start && inner.end <= outer.end;

export const spansOverlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
