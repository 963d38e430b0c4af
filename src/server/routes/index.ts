// The API's operations other than the accounts' (those come from src/server/auth), by the policy table's ids.
import type { OperationId } from "../../domain/access/policy.js";
import type { AnyRoute } from "../route.js";
import { getAgreement } from "./agreement.js";
import { auditCheckpoint, auditProof, auditVerify } from "./audit.js";
import { getBulletin } from "./bulletins.js";
import { createComplaint, getAttachment, listComplaints } from "./complaints.js";
import { createPosition, createReply } from "./decisions.js";
import { getDocument, ingestDocument } from "./documents.js";
import { getExport } from "./exports.js";
import { getIncident, incidentAudit, listIncidents, mergeIncident, splitIncidentRoute } from "./incidents.js";
import { getMap } from "./map.js";
import { listQueue } from "./queue.js";
import { getStats } from "./stats.js";

type AccountOperation = Extract<OperationId, `session.${string}` | `tokens.${string}` | `users.${string}`>;

export const apiRoutes: { readonly [Id in Exclude<OperationId, AccountOperation>]: AnyRoute } = {
  "agreement.get": getAgreement,
  "incidents.list": listIncidents,
  "incidents.get": getIncident,
  "incidents.audit": incidentAudit,
  "incidents.merge": mergeIncident,
  "incidents.split": splitIncidentRoute,
  "positions.create": createPosition,
  "replies.create": createReply,
  "queue.list": listQueue,
  "map.get": getMap,
  "stats.get": getStats,
  "documents.get": getDocument,
  "documents.ingest": ingestDocument,
  "complaints.list": listComplaints,
  "complaints.create": createComplaint,
  "attachments.get": getAttachment,
  "bulletins.get": getBulletin,
  "exports.get": getExport,
  "audit.checkpoint": auditCheckpoint,
  "audit.proof": auditProof,
  "audit.verify": auditVerify,
};
