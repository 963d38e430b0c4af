// What extraction produces for one article: incidents and allegations, each with the spans it was read from.
import type { Classification } from "../domain/ontology.js";
import type { EventFacts } from "../domain/records/report.js";
import type { Span } from "../domain/text/span.js";

export interface Evidence {
  readonly span: Span;
  readonly text: string;
}

export interface ClassificationResult {
  readonly classification: Classification;
  readonly agreementId: string | null;
  readonly regimeId: string | null;
  readonly clause: string | null;
  readonly reason: string;
}

export interface ExtractedIncident extends EventFacts {
  /** Whether the perpetrator was read in the incident's own sentences, or inferred from the article around them. */
  readonly perpetratorFrom: "sentence" | "context" | null;
  readonly classification: ClassificationResult;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

export interface ExtractedAllegation {
  readonly accuser: string;
  readonly accused: string;
  readonly evidence: Evidence;
}

export interface ArticleReport {
  readonly doc: string;
  readonly title: string | null;
  readonly published: string | null;
  /** The date relative dates were read against, and where it came from. */
  readonly reference: { readonly date: string; readonly from: "published" | "text" } | null;
  readonly sentences: number;
  readonly incidents: readonly ExtractedIncident[];
  readonly allegations: readonly ExtractedAllegation[];
}
