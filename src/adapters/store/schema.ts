// The database's tables as Kysely sees them: one typed schema for SQLite and PostgreSQL alike.
//
// Storage choices (the migrations create exactly this):
// - Times and dates are ISO-8601 TEXT on both engines: the domain records carry strings, the audit log hashes
//   exactly the text stored, and nothing is rounded through a native timestamp type. On PostgreSQL every text
//   column is `COLLATE "C"`, so ordering and range comparisons are byte order, as SQLite's BINARY is.
// - Structured values (spans, id lists, perpetrators) are JSON TEXT; whatever is filtered on has a column or a
//   table of its own (`incident_parties` for the party filter).
// - Tables whose rows are listed in insertion order have an `ord` integer key (SQLite rowid, PostgreSQL
//   identity) beside the record's own text id.
import type { Generated } from "kysely";

export interface DocumentsTable {
  id: string;
  source: string;
  channel: string;
  origin: string | null;
  received_at: string;
  content_hash: string;
  content_type: string;
  body: string;
  title: string | null;
  published: string | null;
  /** MinHash signature of the article text (64 little-endian uint32), written when its reports are linked. */
  minhash: Buffer | null;
}

export interface ReportsTable {
  ord: Generated<number>;
  id: string;
  document_id: string;
  source: string;
  copy_group: string;
  date: string | null;
  date_end: string | null;
  date_precision: number | null;
  country: string;
  admin1: string | null;
  location: string;
  lat: number | null;
  lon: number | null;
  geo_precision: number;
  event_type: string;
  sub_event_type: string;
  perpetrator: string | null;
  target: string | null;
  killed: number | null;
  kind: string;
  /** JSON array of {start, end}. */
  spans: string;
  summary: string;
  created_at: string;
  /** 1 when the source asked for its exact coordinates to be restricted (migration 0005), else 0. */
  coordinates_restricted: Generated<number>;
}

export interface IncidentsTable {
  id: string;
  /** JSON array of report ids. */
  report_ids: string;
  date: string | null;
  /** `date`, or "" when undated: a never-null sort key, so keyset pages work the same on both engines. */
  date_key: string;
  admin1: string | null;
  country: string;
  location: string;
  event_type: string;
  sub_event_type: string;
  /** JSON array, in the sources' order; `incident_parties` holds the same names for filtering. */
  perpetrators: string;
  killed_low: number | null;
  killed_best: number | null;
  killed_high: number | null;
  classification: string;
  grade: string;
  status: string;
  updated_at: string;
  /** JSON array; `incident_complainants` holds the same names for the party's visibility filter. */
  complainants: Generated<string>;
  accused: string | null;
  lat: number | null;
  lon: number | null;
  /** 1 or 0. */
  coordinates_restricted: Generated<number>;
  published_at: string | null;
}

export interface IncidentPartiesTable {
  incident_id: string;
  party: string;
}

export interface IncidentComplainantsTable {
  incident_id: string;
  party: string;
}

export interface ComplaintsTable {
  id: string;
  document_id: string;
  report_id: string;
  filed_by: string;
  complainant: string;
  complainant_role: string;
  witness: string | null;
  /** 1 or 0. */
  coordinates_restricted: number;
  created_at: string;
}

export interface AttachmentsTable {
  ord: Generated<number>;
  id: string;
  complaint_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export interface LinkConstraintsTable {
  ord: Generated<number>;
  kind: string;
  report_a: string;
  report_b: string;
  decided_by: string;
  at: string;
}

export interface PositionsTable {
  ord: Generated<number>;
  id: string;
  incident_id: string;
  guarantor: string;
  position: string;
  party: string | null;
  rationale: string;
  recorded_by: string;
  at: string;
}

export interface VerdictsTable {
  ord: Generated<number>;
  id: string;
  incident_id: string;
  outcome: string;
  attributed_party: string | null;
  rule: string;
  /** JSON array of position ids. */
  position_ids: string;
  supersedes: string | null;
  reply_by: string | null;
  at: string;
}

export interface RepliesTable {
  ord: Generated<number>;
  id: string;
  incident_id: string;
  verdict_id: string;
  party: string;
  text: string;
  at: string;
}

export interface AuditEntriesTable {
  seq: number;
  kind: string;
  subject_id: string;
  payload: string;
  payload_hash: string;
  leaf_hash: string;
  at: string;
}

export interface AuditCheckpointsTable {
  ord: Generated<number>;
  tree_size: number;
  root_hash: string;
  signature: string;
  key_id: string;
  at: string;
}

/** The audit tree's right edge at a signed size (see migration 0007): a shortcut, checked against a signed root. */
export interface AuditTreeEdgesTable {
  tree_size: number;
  /** JSON array of hex hashes: the roots of the tree's perfect subtrees, largest first. */
  frontier: string;
}

export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string;
}

export interface FeedItemsTable {
  feed_url: string;
  item_key: string;
  document_id: string | null;
  read_at: string;
}

export interface DocumentReadsTable {
  document_id: string;
  read_at: string;
}

export interface DeadLettersTable {
  document_id: string;
  error: string;
  attempts: number;
  failed_at: string;
}

/** The accounts' tables (migration 0004). */
export interface UsersTable {
  id: string;
  username: string;
  /** `username` lower-cased: what uniqueness and lookups use. */
  username_key: string;
  password_hash: string;
  role: string;
  party: string | null;
  guarantor: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  ord: Generated<number>;
  id: string;
  username_key: string;
  address: string;
  at: string;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}

export interface Database extends AccountTables {
  documents: DocumentsTable;
  reports: ReportsTable;
  incidents: IncidentsTable;
  incident_parties: IncidentPartiesTable;
  incident_complainants: IncidentComplainantsTable;
  complaints: ComplaintsTable;
  attachments: AttachmentsTable;
  link_constraints: LinkConstraintsTable;
  positions: PositionsTable;
  verdicts: VerdictsTable;
  replies: RepliesTable;
  audit_entries: AuditEntriesTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_tree_edges: AuditTreeEdgesTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  document_reads: DocumentReadsTable;
  dead_letters: DeadLettersTable;
}

/** Tables the database itself keeps append-only (triggers refuse UPDATE, DELETE and, on PostgreSQL, TRUNCATE). */
export const appendOnlyTables = [
  "positions",
  "verdicts",
  "replies",
  "audit_entries",
  "audit_checkpoints",
] as const;
