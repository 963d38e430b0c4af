// What the server's JSON looks like to the pages: each type is the output of the zod schema the server answers
// with (imported as a type only: neither zod nor any server code reaches the bundle), made readonly as the
// domain's records are. A route's response schema lives in src/server/schemas so that it can be named here.

import type { z } from "zod";
import type { Role } from "../../../src/domain/access/principal.js";
import type { EventType, SubEventType } from "../../../src/domain/ontology.js";
import type { EvidenceGrade, IncidentStatus } from "../../../src/domain/records/incident.js";
import type { PositionKind } from "../../../src/domain/records/verification.js";
import type { sessionBody, userBody } from "../../../src/server/auth/schemas.js";
import type { Readonlyish } from "../../../src/server/route.js";
import type { attachment, complaint, filedComplaint } from "../../../src/server/schemas/complaints.js";
import type { positionOutcome } from "../../../src/server/schemas/decisions.js";
import type { documentText } from "../../../src/server/schemas/documents.js";
import type { incidentAudit } from "../../../src/server/schemas/incident-audit.js";
import type { mapData } from "../../../src/server/schemas/map.js";
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
import type { complianceStatistics } from "../../../src/server/schemas/statistics.js";

export type { EventType, EvidenceGrade, IncidentStatus, PositionKind, Role, SubEventType };

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

export type { Agreement, Regime, Zone } from "../../../src/domain/agreement/schema.js";

/** `GET /api/map`: the points to cluster and the counts that shade the governorates. */
export type MapData = Body<typeof mapData>;
/** What the map draws of an incident. */
export type MapPoint = MapData["points"][number];

/** `GET /api/incidents/:id/audit`: the entries about an incident, each with its proof in the latest checkpoint. */
export type IncidentAudit = Body<typeof incidentAudit>;

/** `GET /api/documents/:id?incident=`: the document's article text and the reports read from it. */
export type DocumentText = Body<typeof documentText>;

/** `POST /api/incidents/:id/positions`. */
export type PositionOutcome = Body<typeof positionOutcome>;

/** `GET /api/complaints`: a complaint as its readers may see it, with its files. */
export type Complaint = Body<typeof complaint>;
export type Attachment = Body<typeof attachment>;
/** `POST /api/complaints`: what was stored, and the incident the complaint was linked into. */
export type FiledComplaint = Body<typeof filedComplaint>;

/** `GET /api/stats`: violations over time, per party (claimed beside verified) and per governorate. */
export type Stats = Body<typeof complianceStatistics>;
