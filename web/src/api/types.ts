// What the server's JSON looks like to the pages. Where the server names a response's shape as a zod schema, the
// type is that schema's output (imported as a type only: neither zod nor any server code reaches the bundle), made
// readonly as the domain's records are. The shapes a route declares inline, which `route()` hands over untyped,
// follow the HTTP contract of the API here.

import type { z } from "zod";
import type {
  EscalationAlert,
  GroupSeries,
} from "../../../src/application/publication/compliance-statistics.js";
import type { Role } from "../../../src/domain/access/principal.js";
import type { EventType, SubEventType } from "../../../src/domain/ontology.js";
import type { Attachment, Complaint } from "../../../src/domain/records/complaint.js";
import type { EvidenceGrade, IncidentStatus } from "../../../src/domain/records/incident.js";
import type { PositionKind } from "../../../src/domain/records/verification.js";
import type { sessionBody, userBody } from "../../../src/server/auth/schemas.js";
import type { Readonlyish } from "../../../src/server/route.js";
import type {
  auditEntry,
  checkpoint,
  documentSummary,
  incident,
  incidentPage,
  incidentView,
  inclusionProof,
  position,
  reply,
  report,
  span,
  verdict,
} from "../../../src/server/schemas/records.js";

export type {
  Attachment,
  Complaint,
  EventType,
  EvidenceGrade,
  IncidentStatus,
  PositionKind,
  Role,
  SubEventType,
};

/** The readonly JSON a schema lets out. */
type Body<Schema extends z.ZodType> = Readonlyish<z.output<Schema>>;

export type User = Body<typeof userBody>;
export type Session = Body<typeof sessionBody>;

export type Incident = Body<typeof incident>;
export type Report = Body<typeof report>;
export type Span = Body<typeof span>;
export type Position = Body<typeof position>;
export type Verdict = Body<typeof verdict>;
export type Reply = Body<typeof reply>;
export type AuditEntry = Body<typeof auditEntry>;
export type Checkpoint = Body<typeof checkpoint>;
/** An audit entry's inclusion proof in the latest checkpoint (RFC 6962 audit path, hashes in hex). */
export type InclusionProof = Body<typeof inclusionProof>;
export type DocumentSummary = Body<typeof documentSummary>;

/** `GET /api/incidents` and `GET /api/queue`: a page of incidents and the cursor of the next. */
export type IncidentPage = Body<typeof incidentPage>;

/**
 * `GET /api/incidents/:id`: everything known about one incident. When `partiesNamed` is false, the names the
 * agreement's publication policy withholds from this reader are null, left out of lists, or empty strings.
 */
export type IncidentView = Body<typeof incidentView>;
export type ReportSide = IncidentView["reports"][number];
export type FieldComparison = IncidentView["comparison"][number];

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
  /** The latest signed checkpoint, without its signature. */
  readonly checkpoint: Omit<Checkpoint, "signature"> | null;
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
