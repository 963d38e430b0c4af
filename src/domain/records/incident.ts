// An incident: one real event, linked from the reports of it; the unit the guarantors judge.
import type { Classification, EventType, SubEventType } from "../ontology.js";

export type EvidenceGrade = "single_source" | "corroborated" | "confirmed" | "contested" | "discounted";

export type IncidentStatus = "open" | "awaiting_positions" | "decided" | "published";

export interface Incident {
  readonly id: string;
  readonly reportIds: readonly string[];
  readonly date: string | null;
  readonly admin1: string | null;
  readonly country: string;
  readonly location: string;
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  /** Every perpetrator the sources name, side by side: disagreements are kept, never resolved by vote. */
  readonly perpetrators: readonly string[];
  /** Fatalities across sources: lowest, best (the median of independent sources) and highest stated. */
  readonly killed: { readonly low: number; readonly best: number; readonly high: number } | null;
  readonly classification: Classification;
  readonly grade: EvidenceGrade;
  readonly status: IncidentStatus;
  readonly updatedAt: string;
  /**
   * The parties (and guarantor states, for a monitor's observation) whose complaints are among its reports: a
   * party may read an incident it complained of before it is published.
   */
  readonly complainants: readonly string[];
  /** The party the verdict in force attributes the violation to; null before a verdict or when it names none. */
  readonly accused: string | null;
  /** The best point known: the most precisely placed report's, else null. */
  readonly lat: number | null;
  readonly lon: number | null;
  /**
   * The source of the point asked for its exact coordinates to be kept restricted: roles that may not see
   * restricted fields get them rounded (see src/domain/access/redact.ts), never exact.
   */
  readonly coordinatesRestricted: boolean;
  /** When it was published (status `published`); null until then. */
  readonly publishedAt: string | null;
}

/** What an incident keeps across re-summaries from its reports: decisions are people's, not the reports'. */
export type IncidentStanding = Pick<Incident, "status" | "accused" | "publishedAt">;

/** The standing of an incident no one has decided on yet. */
export const freshStanding: IncidentStanding = { status: "open", accused: null, publishedAt: null };

/** A human decision the machine never undoes: these two reports are (or are not) the same event. */
export interface LinkConstraint {
  readonly kind: "must_link" | "cannot_link";
  readonly reportA: string;
  readonly reportB: string;
  readonly decidedBy: string;
  readonly at: string;
}
