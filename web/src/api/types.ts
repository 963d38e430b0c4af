// What the server's JSON looks like to the pages. The records are the domain's own types (imported as types
// only: no server code reaches the bundle); the envelopes follow the HTTP contract of the API.
import type {
  EscalationAlert,
  GroupSeries,
} from "../../../src/application/publication/compliance-statistics.js";
import type { Role } from "../../../src/domain/access/principal.js";
import type { EventType, SubEventType } from "../../../src/domain/ontology.js";
import type { Attachment, Complaint } from "../../../src/domain/records/complaint.js";
import type { EvidenceGrade, Incident, IncidentStatus } from "../../../src/domain/records/incident.js";
import type { Report } from "../../../src/domain/records/report.js";
import type { Position, PositionKind, Reply, Verdict } from "../../../src/domain/records/verification.js";
import type { Span } from "../../../src/domain/text/span.js";

export type {
  Attachment,
  Complaint,
  EventType,
  EvidenceGrade,
  Incident,
  IncidentStatus,
  Position,
  PositionKind,
  Reply,
  Report,
  Role,
  Span,
  SubEventType,
  Verdict,
};

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Exclude<Role, "public">;
  readonly party: string | null;
  readonly guarantor: string | null;
}

export interface Session {
  readonly user: User | null;
  readonly role: Role;
  /** Null for the public: only a request the session cookie authenticates needs one. */
  readonly csrfToken: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** What the map draws of an incident (`GET /api/map`). */
export interface MapPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly status: IncidentStatus;
  readonly accused: string | null;
  readonly eventType: EventType;
  readonly date: string | null;
  readonly coordinatesRestricted: boolean;
}

export interface DocumentSummary {
  readonly id: string;
  readonly source: string;
  readonly channel: string;
  readonly origin: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly receivedAt: string;
}

export interface ReportSide {
  readonly report: Report;
  readonly document: DocumentSummary | null;
  readonly supportingText: readonly { readonly span: Span; readonly text: string }[];
  readonly textProblem: string | null;
}

export interface FieldComparison {
  readonly field: string;
  /** One value per report, in report order; null where the report does not say. */
  readonly values: readonly (string | null)[];
  readonly disagree: boolean;
}

export interface AuditEntry {
  readonly seq: number;
  readonly kind: string;
  readonly subjectId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly at: string;
}

/** `GET /api/incidents/:id`: everything known about one incident. */
export interface IncidentView {
  readonly incident: Incident;
  readonly reports: readonly ReportSide[];
  readonly comparison: readonly FieldComparison[];
  readonly positions: readonly Position[];
  readonly verdict: { readonly latest: Verdict | null; readonly superseded: readonly Verdict[] };
  readonly replies: readonly Reply[];
  readonly audit: readonly AuditEntry[];
  /**
   * Whether every actor is named to this reader (the agreement's publication policy): when not, withheld names
   * are null, left out of lists, or empty strings.
   */
  readonly partiesNamed: boolean;
}

export interface Checkpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signature: string;
  readonly keyId: string;
  readonly at: string;
}

/** An audit entry's inclusion proof in the latest checkpoint (RFC 6962 audit path, hashes in hex). */
export interface InclusionProof {
  readonly seq: number;
  readonly treeSize: number;
  /** The entry as canonical JSON, exactly as hashed. */
  readonly entry: string;
  readonly leafHash: string;
  readonly rootHash: string;
  readonly proof: readonly string[];
}

export type { Agreement, Regime } from "../../../src/domain/agreement/schema.js";

/** `GET /api/map`: the points to cluster and the counts that shade the governorates. */
export interface MapData {
  readonly points: readonly MapPoint[];
  /** More incidents match than the points returned. */
  readonly truncated: boolean;
  /** Incidents per governorate (all that match, not only the points returned). */
  readonly admin1: readonly { readonly admin1: string | null; readonly count: number }[];
}

/** `GET /api/incidents/:id/audit`: the entries about an incident, each with its proof in the latest checkpoint. */
export interface IncidentAudit {
  readonly incident: string;
  readonly checkpoint: {
    readonly treeSize: number;
    readonly rootHash: string;
    readonly keyId: string;
    readonly at: string;
  } | null;
  /** A null proof: the entry came after the latest signed checkpoint (the next one covers it). */
  readonly entries: readonly { readonly entry: AuditEntry; readonly proof: InclusionProof | null }[];
}

/** `GET /api/documents/:id?incident=`: the document's article text and the reports read from it. */
export interface DocumentText extends DocumentSummary {
  readonly contentType: string;
  readonly contentHash: string;
  readonly text: string | null;
  readonly textProblem: string | null;
  readonly reports: readonly Report[];
  /** Whether every actor is named to this reader; when not, a complaint's maker is an empty string. */
  readonly partiesNamed: boolean;
}

/** `POST /api/incidents/:id/positions`. */
export interface PositionOutcome {
  readonly position: Position;
  readonly verdict: Verdict | null;
  readonly newVerdict: boolean;
  readonly status: string;
  readonly decision: { readonly rule: string; readonly reason: string; readonly missing: readonly string[] };
  readonly notified: { readonly party: string; readonly replyBy: string } | null;
}

/** `POST /api/complaints`: what was stored, and the incident the complaint was linked into. */
export interface FiledComplaint {
  readonly complaintId: string;
  readonly documentId: string;
  readonly reportId: string;
  readonly incidentId: string;
  readonly attachmentIds: readonly string[];
}

/** `GET /api/stats`: violations over time, per party (claimed beside verified) and per governorate. */
export interface Stats {
  readonly granularity: "day" | "week" | "month";
  readonly periods: readonly string[];
  readonly total: { readonly claimed: readonly number[]; readonly verified: readonly number[] };
  readonly parties: readonly GroupSeries[];
  readonly governorates: readonly GroupSeries[];
  /** Incidents with no date, counted in no period. */
  readonly undated: number;
  readonly alerts: readonly EscalationAlert[];
  /** The escalation rule, in words. */
  readonly rule: { readonly description: string };
  /** Whether this reader may see which party a verdict names (the agreement's publication policy). */
  readonly partiesNamed: boolean;
}
