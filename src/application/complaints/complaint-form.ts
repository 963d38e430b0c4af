// What the complaint form sends: the facts of one event in the complainant's words, and the files that back it.
import type { SubEventType, TimePrecision } from "../../domain/ontology.js";

export interface AttachmentUpload {
  readonly filename: string;
  /** The type the browser declared; the bytes decide (PNG, JPEG, PDF or plain text), not the name or this. */
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface ComplaintForm {
  /** What happened, in the complainant's words: stored as received, the document of the complaint. */
  readonly narrative: string;
  /** The day it happened (YYYY-MM-DD), not in the future. */
  readonly date: string;
  /** 1 the day is known, 2 within a week, 3 within a month. */
  readonly datePrecision: TimePrecision;
  /** The point picked on the map; give both, or neither and a `place` name. */
  readonly lat?: number | null;
  readonly lon?: number | null;
  /** A place name the gazetteer knows (any spelling it lists), when no point was picked. */
  readonly place?: string | null;
  /** Keep the exact point to roles that may see restricted fields; others get it rounded to 0.1°. */
  readonly coordinatesRestricted?: boolean;
  /** The ACLED sub-event type; the event type follows from it (and, when given, must agree with it). */
  readonly subEventType: SubEventType;
  readonly eventType?: string | null;
  /** The party the complainant holds responsible (an actor id such as SY-GOV), never the complainant itself. */
  readonly accused: string;
  /** Who or what was hit (an actor id or a word such as "civilians"). */
  readonly target?: string | null;
  readonly killed?: number | null;
  /** Restricted: never shown to roles that may not see restricted fields, never exported. */
  readonly witness?: string | null;
  readonly attachments?: readonly AttachmentUpload[];
}

export interface FiledComplaint {
  readonly complaintId: string;
  readonly documentId: string;
  readonly reportId: string;
  /** The incident its report was linked into (a new one, or one already known of the same event). */
  readonly incidentId: string;
  readonly attachmentIds: readonly string[];
}
