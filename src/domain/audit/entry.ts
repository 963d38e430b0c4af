// An audit log entry and its leaf bytes: the canonical JSON of the whole entry, so any edited field shows.
import { TruceError } from "../../errors.js";
import { canonicalJson, type JsonObject } from "./canonical-json.js";
import { type Hash, leafHash } from "./merkle.js";

export type { JsonObject, JsonValue } from "./canonical-json.js";

/** Every decision Truce records; a new kind is appended here, never renamed (old leaves hash the old name). */
export const auditKinds = [
  "document_accepted",
  "report_recorded",
  "incident_created",
  "report_linked",
  "incident_merged",
  "incident_split",
  "link_constraint_recorded",
  "grade_recorded",
  "position_recorded",
  "verdict_recorded",
  "party_notified",
  "reply_recorded",
  "publication",
] as const;

export type AuditKind = (typeof auditKinds)[number];

export const isAuditKind = (value: string): value is AuditKind =>
  (auditKinds as readonly string[]).includes(value);

export interface AuditEntry {
  /** Position in the log, 0-based and dense: entry n is leaf n of the Merkle tree. */
  readonly seq: number;
  readonly kind: AuditKind;
  /** The document, incident, verdict, … the decision is about. */
  readonly subjectId: string;
  readonly payload: JsonObject;
  /** ISO 8601 time the decision was recorded. */
  readonly at: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Refuses an entry the log must never hold: a clear TruceError names the field. */
export function checkAuditEntry(entry: AuditEntry): void {
  const bad = (field: string, why: string): never => {
    throw new TruceError("TRUCE_E_AUDIT_ENTRY_INVALID", `audit entry ${field} ${why}`, {
      subject: `seq ${entry.seq}`,
    });
  };
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 0) bad("seq", `is ${entry.seq}, not an integer ≥ 0`);
  if (!isAuditKind(entry.kind)) bad("kind", `"${entry.kind}" is not one of ${auditKinds.join(", ")}`);
  if (typeof entry.subjectId !== "string" || entry.subjectId === "") bad("subjectId", "is empty");
  if (typeof entry.payload !== "object" || entry.payload === null || Array.isArray(entry.payload)) {
    bad("payload", "is not a JSON object");
  }
  if (typeof entry.at !== "string" || !ISO_TIME.test(entry.at) || Number.isNaN(Date.parse(entry.at))) {
    bad("at", `"${entry.at}" is not an ISO 8601 time with a zone`);
  }
  canonicalJson(entry.payload, "audit entry payload");
}

/**
 * The canonical JSON of exactly the five fields: a row read back from the store may carry more (its stored
 * leaf hash, a database id), and those must not change what was signed.
 */
export function auditEntryJson(entry: AuditEntry): string {
  const { seq, kind, subjectId, payload, at } = entry;
  return canonicalJson({ seq, kind, subjectId, payload, at }, "audit entry");
}

export const auditLeafBytes = (entry: AuditEntry): Buffer => Buffer.from(auditEntryJson(entry), "utf8");

/** RFC 6962 leaf hash of the entry: SHA-256(0x00 || canonical JSON). */
export const auditLeafHash = (entry: AuditEntry): Hash => leafHash(auditLeafBytes(entry));
