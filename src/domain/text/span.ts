// Character spans into the document text: every extracted value keeps the span it was read from.

export interface Span {
  readonly start: number;
  readonly end: number;
}
