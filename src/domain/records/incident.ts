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
}

/** A human decision the machine never undoes: these two reports are (or are not) the same event. */
export interface LinkConstraint {
  readonly kind: "must_link" | "cannot_link";
  readonly reportA: string;
  readonly reportB: string;
  readonly decidedBy: string;
  readonly at: string;
}
