// A report: what one document claims about one event, with the spans of the document it was read from.
import type { EventType, GeoPrecision, SubEventType, TimePrecision } from "../ontology.js";
import type { Span } from "../text/span.js";

/** What a source says happened: the same fields whether read from an article or stored as a report. */
export interface EventFacts {
  readonly date: string | null;
  readonly dateEnd: string | null;
  readonly datePrecision: TimePrecision | null;
  readonly country: string;
  readonly admin1: string | null;
  readonly location: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: GeoPrecision;
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly perpetrator: string | null;
  readonly target: string | null;
  readonly killed: number | null;
}

export interface Report extends EventFacts {
  readonly id: string;
  readonly documentId: string;
  /** The outlet or party the claim comes from; wire copies re-published by several outlets share a group. */
  readonly source: string;
  /** Reports whose text is a near-duplicate (a wire story re-published) share this group: one source, not two. */
  readonly copyGroup: string;
  /** Whether the source is a monitor's own observation (confirms), a party's complaint, or the press. */
  readonly kind: "press" | "complaint" | "observation";
  readonly spans: readonly Span[];
  readonly summary: string;
  readonly createdAt: string;
  /**
   * The source asked for its exact coordinates to be kept restricted (a complaint's or a monitor's choice):
   * only roles that see restricted fields get them. Absent: not restricted (the press publishes its places).
   */
  readonly coordinatesRestricted?: boolean;
}
