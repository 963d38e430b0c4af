// The storage port: what the use cases may ask of a store, one small repository per concern, engine-agnostic.
//
// Ids: the application layer makes them (`crypto.randomUUID()`) before a record reaches the store, so a use case
// can refer to a record before it is committed (a verdict names its positions, an audit entry hashes the whole
// record) and a record is the same value before and after it is stored. The store only assigns the audit log's
// sequence numbers, because their order is the log's order and only the store can serialise it.
//
// Times and dates are ISO-8601 text (UTC `…Z` timestamps, `YYYY-MM-DD` dates), compared as text; every list is
// returned in a stated, deterministic order.

import type { IncidentVisibility } from "../domain/access/principal.js";
import type { Classification, EventType } from "../domain/ontology.js";
import type { Attachment, Complaint } from "../domain/records/complaint.js";
import type { StoredDocument } from "../domain/records/document.js";
import type { EvidenceGrade, Incident, IncidentStatus, LinkConstraint } from "../domain/records/incident.js";
import type { Report } from "../domain/records/report.js";
import type { Position, Reply, Verdict } from "../domain/records/verification.js";
import type { AccountRepositories } from "./accounts.js";

export interface DocumentRepository {
  /** Stores the document unless one with the same content hash is stored; then returns that one, unchanged. */
  insert(document: StoredDocument): Promise<{ readonly document: StoredDocument; readonly created: boolean }>;
  get(id: string): Promise<StoredDocument | null>;
  getByHash(contentHash: string): Promise<StoredDocument | null>;
  /**
   * Keeps the MinHash signature of the document's article text (what copy detection compares), replacing any
   * earlier one: linking then compares signatures instead of reading and hashing documents again.
   */
  saveMinhash(id: string, signature: Uint32Array): Promise<void>;
  /** The signatures kept for these documents, by id; documents with none kept (or unknown ids) are left out. */
  minhashes(ids: readonly string[]): Promise<Map<string, Uint32Array>>;
}

export interface ReportRepository {
  /** Their documents must be stored; an id already stored is refused (the whole call fails). */
  insert(reports: readonly Report[]): Promise<void>;
  get(id: string): Promise<Report | null>;
  /** In the order the reports were inserted. */
  byDocument(documentId: string): Promise<Report[]>;
  /** The reports found among `ids`, in the order of `ids`; unknown ids are left out. */
  byIds(ids: readonly string[]): Promise<Report[]>;
  /** The datings of the reports found among `ids`, in the order of `ids`; unknown ids are left out. */
  datings(ids: readonly string[]): Promise<ReportDating[]>;
}

/**
 * What decides whether an incident is a candidate for a report placed only to the country: when each of its
 * reports says the event happened (or when it arrived, if undated) and in which country.
 */
export interface ReportDating {
  readonly id: string;
  readonly date: string | null;
  readonly datePrecision: Report["datePrecision"];
  readonly createdAt: string;
  readonly country: string;
}

export interface IncidentFilter {
  /** Incidents dated on or after this day (YYYY-MM-DD); undated incidents never match a date bound. */
  readonly from?: string;
  /** Incidents dated on or before this day (YYYY-MM-DD). */
  readonly to?: string;
  /** Incidents in one of these first-level units (ISO 3166-2). */
  readonly admin1?: readonly string[];
  /**
   * Incidents placed only to one of these countries (ISO 3166-1 alpha-2): no first-level unit known (admin1
   * null), as a report of the country as a whole. Given with `admin1`, an incident matches either list: a
   * territory is its units and the reports of its countries as a whole.
   */
  readonly countryLevel?: readonly string[];
  /** Incidents any of whose sources names one of these as perpetrator. */
  readonly party?: readonly string[];
  readonly eventType?: readonly EventType[];
  readonly status?: readonly IncidentStatus[];
  readonly grade?: readonly EvidenceGrade[];
  readonly classification?: readonly Classification[];
  /**
   * Only the incidents this principal may read (see `visibilityOf`): `published` → published ones; `party` →
   * published, or the party is among the complainants, or is the accused; `all` → every one. Omitted: every
   * incident (for trusted callers such as the CLI and correlation, never for a request from outside).
   */
  readonly visibleTo?: IncidentVisibility;
  /**
   * A guarantor's queue: incidents not yet decided (status open or awaiting positions) on which this guarantor
   * has recorded no position. With `sort: "date", order: "asc"` it is the queue, oldest first.
   */
  readonly awaitingPositionFrom?: string;
  /** Incidents whose point lies in the box (degrees; `west > east` crosses the antimeridian). */
  readonly bbox?: BoundingBox;
}

export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/**
 * What incidents can be counted by: `day` (YYYY-MM-DD), `week` (the ISO week's Monday, YYYY-MM-DD), `month`
 * (YYYY-MM), `perpetrator` (once per perpetrator any source names: the parties' claims), `accused` (the
 * verdict's attribution: the verified), and the incident's own fields.
 */
export type TallyDimension =
  | "day"
  | "week"
  | "month"
  | "admin1"
  | "status"
  | "eventType"
  | "grade"
  | "accused"
  | "perpetrator";

export const tallyDimensions: readonly TallyDimension[] = [
  "day",
  "week",
  "month",
  "admin1",
  "status",
  "eventType",
  "grade",
  "accused",
  "perpetrator",
];

export interface TallyRow {
  /** One key per dimension asked for, in that order; null where the incident has none (undated, no admin1…). */
  readonly keys: readonly (string | null)[];
  readonly count: number;
}

/** What the map draws of an incident. */
export interface IncidentPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly status: IncidentStatus;
  readonly accused: string | null;
  readonly eventType: EventType;
  readonly date: string | null;
  readonly coordinatesRestricted: boolean;
}

export interface IncidentQuery extends IncidentFilter {
  /** `date` puts undated incidents before the earliest dated one; ties are broken by id. Default `date`. */
  readonly sort?: "date" | "updatedAt";
  /** Default `desc`: the newest first. */
  readonly order?: "asc" | "desc";
  /** At most this many items (default 50, at most 1000). */
  readonly limit?: number;
  /** The `next` cursor of the previous page; it is only valid with the same filter, sort and order. */
  readonly after?: string | null;
}

export interface IncidentPage {
  readonly items: readonly Incident[];
  /** Pass as `after` for the next page; null when this page is the last. */
  readonly next: string | null;
}

export interface CandidateWindow {
  /** First and last day (YYYY-MM-DD, inclusive) the event may lie in. */
  readonly from: string;
  readonly to: string;
  /** Only incidents in one of these admin1 units; omitted or null: any place. */
  readonly admin1?: readonly string[] | null;
  /** Default 500. */
  readonly limit?: number;
  /** Only incidents after this one in (date, id) order: the last of the previous page, to read every candidate. */
  readonly after?: { readonly date: string; readonly id: string } | null;
}

/** What correlating needs of a stored candidate incident: its reports (the rest is recomputed from them). */
export interface CandidateIncident {
  readonly id: string;
  readonly date: string;
  readonly reportIds: readonly string[];
}

export interface IncidentRepository {
  /** Inserts or replaces each incident whole (by id). */
  upsert(incidents: readonly Incident[]): Promise<void>;
  /** With `visibleTo`, an incident the principal may not read is null, exactly as a missing one. */
  get(id: string, visibleTo?: IncidentVisibility): Promise<Incident | null>;
  /** The incidents found among `ids`, in the order of `ids`. */
  byIds(ids: readonly string[]): Promise<Incident[]>;
  list(query?: IncidentQuery): Promise<IncidentPage>;
  count(filter?: IncidentFilter): Promise<number>;
  /** How many incidents match, grouped by the dimensions; ordered by keys (nulls first). No dimension: one row. */
  tally(filter: IncidentFilter, by: readonly TallyDimension[]): Promise<TallyRow[]>;
  /** The latest date (YYYY-MM-DD) of an incident in one of these statuses; null when none is dated. */
  latestDate(statuses: readonly IncidentStatus[]): Promise<string | null>;
  /** Incidents with a point, newest first (by date, then id), at most `limit` (at most 100,000). */
  points(filter: IncidentFilter, limit: number): Promise<IncidentPoint[]>;
  /** Dated incidents in the window and place, by date then id: what correlation scores a new report against. */
  candidates(window: CandidateWindow): Promise<Incident[]>;
  /** The same incidents as `candidates`, in the same order, with only what linking needs of them. */
  linkCandidates(window: CandidateWindow): Promise<CandidateIncident[]>;
  /** Removes an incident absorbed by a merge; refused (foreign key) once positions or verdicts refer to it. */
  remove(id: string): Promise<boolean>;
}

export interface LinkConstraintRepository {
  add(constraint: LinkConstraint): Promise<void>;
  /** Every constraint naming any of these reports, oldest first: the latest decision on a pair wins. */
  forReports(reportIds: readonly string[]): Promise<LinkConstraint[]>;
}

/** Append-only: the database refuses updates and deletes. */
export interface PositionRepository {
  append(position: Position): Promise<void>;
  /** Oldest first. */
  byIncident(incidentId: string): Promise<Position[]>;
}

/**
 * Append-only: the database refuses updates and deletes. Each incident's verdicts form one chain: the first
 * supersedes nothing, each later one supersedes the current latest; a second verdict superseding the same one
 * (two decisions racing) is refused with TRUCE_E_STORE_CONFLICT.
 */
export interface VerdictRepository {
  append(verdict: Verdict): Promise<void>;
  get(id: string): Promise<Verdict | null>;
  /** Oldest first. */
  byIncident(incidentId: string): Promise<Verdict[]>;
  /** The verdict no other supersedes; null before the first decision. */
  latest(incidentId: string): Promise<Verdict | null>;
}

/** Append-only: the database refuses updates and deletes. */
export interface ReplyRepository {
  append(reply: Reply): Promise<void>;
  /** Oldest first. */
  byIncident(incidentId: string): Promise<Reply[]>;
}

export interface ComplaintQuery {
  /** Only the complaints of this party or guarantor state; omitted: everyone's. */
  readonly complainant?: string;
  /** At most this many items (default 50, at most 1000). */
  readonly limit?: number;
  /** The `next` cursor of the previous page. */
  readonly after?: string | null;
}

/** A complaint as listed: the incident its report is in now (merges move it) and its files. */
export interface ComplaintListing extends Complaint {
  /** null when its report is in no incident (an undated report stays unlinked until a person links it). */
  readonly incidentId: string | null;
  readonly attachments: readonly Attachment[];
}

export interface ComplaintPage {
  readonly items: readonly ComplaintListing[];
  readonly next: string | null;
}

export interface ComplaintRepository {
  /** Its document and report must be stored; an id already stored is refused. */
  insert(complaint: Complaint): Promise<void>;
  get(id: string): Promise<ComplaintListing | null>;
  /** Newest first (by created time, then id). */
  list(query?: ComplaintQuery): Promise<ComplaintPage>;
}

export interface AttachmentRepository {
  /** Its complaint must be stored. */
  insert(attachment: Attachment, bytes: Uint8Array): Promise<void>;
  /** The attachment with its bytes, or null. */
  get(id: string): Promise<{ readonly attachment: Attachment; readonly bytes: Uint8Array } | null>;
  /** In the order they were attached. */
  byComplaint(complaintId: string): Promise<Attachment[]>;
}

export interface AuditEntryInput {
  /** What was recorded: "document", "merge", "split", "position", "verdict", "reply", "publication", … */
  readonly kind: string;
  readonly subjectId: string;
  /** The record as JSON text, exactly as hashed. */
  readonly payload: string;
  readonly payloadHash: string;
  readonly leafHash: string;
  readonly at: string;
}

export interface AuditEntry extends AuditEntryInput {
  /** The entry's leaf index in the log: 0, 1, 2, … without gaps. */
  readonly seq: number;
}

export interface AuditCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signature: string;
  readonly keyId: string;
  readonly at: string;
}

/** Append-only: the database refuses updates and deletes of entries and checkpoints. */
export interface AuditRepository {
  /**
   * Gives the entry the next sequence number; concurrent appends are serialised, never given the same one.
   * The entry is built from its number, because the number is part of what its leaf hash covers.
   */
  append(build: (seq: number) => AuditEntryInput): Promise<AuditEntry>;
  /** Entries with `from <= seq < to` (like Array.slice), by seq. */
  entries(from: number, to: number): Promise<AuditEntry[]>;
  /** Entries whose subject is one of `subjectIds`, by seq: one record's trail without reading the whole log. */
  bySubjects(subjectIds: readonly string[]): Promise<AuditEntry[]>;
  /** The stored leaf hashes (hex) of entries `from <= seq < to`, by seq: what a Merkle root needs, no payloads. */
  leafHashes(from: number, to: number): Promise<string[]>;
  /** How many entries the log holds (the next seq). */
  size(): Promise<number>;
  appendCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** The checkpoint of the largest tree (the later one when two sign the same size). */
  latestCheckpoint(): Promise<AuditCheckpoint | null>;
  /**
   * Checkpoints largest tree first (the later first among equal sizes), `limit` of them after skipping `skip`:
   * finding the latest one a given key signed reads a few, not every checkpoint ever signed.
   */
  largestCheckpoints(limit: number, skip?: number): Promise<AuditCheckpoint[]>;
  /** Oldest first. */
  checkpoints(): Promise<AuditCheckpoint[]>;
  /**
   * Keeps the tree's right edge at a size, dropping those kept at smaller sizes (a second edge of a size kept
   * already is ignored).
   */
  saveTreeEdge(edge: AuditTreeEdge): Promise<void>;
  /** The edge kept at the largest size, or null. */
  latestTreeEdge(): Promise<AuditTreeEdge | null>;
}

/**
 * The right edge of the audit log's Merkle tree at `size` leaves: the roots of its perfect subtrees, largest
 * first, as hex. A signer extends it with the leaves appended since instead of reading the whole log again.
 */
export interface AuditTreeEdge {
  readonly size: number;
  readonly frontier: readonly string[];
}

export interface FeedState {
  readonly url: string;
  /** HTTP validators of the last fetch, for a conditional GET. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly checkedAt: string;
}

/** Write it in the same transaction as the items' documents: then a crash never leaves an item half-read. */
export interface FeedStateRepository {
  get(url: string): Promise<FeedState | null>;
  save(state: FeedState): Promise<void>;
  /** Which of these item keys (guid, else link) were already read from this feed. */
  readItems(url: string, itemKeys: readonly string[]): Promise<Set<string>>;
  /** Records items as read; an item already recorded is left as it is. */
  markRead(
    url: string,
    items: readonly { readonly key: string; readonly documentId: string | null }[],
    at: string,
  ): Promise<void>;
}

export interface DeadLetter {
  readonly documentId: string;
  /** The last attempt's error message. */
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
}

/**
 * Reading stored documents: with a queue a document is stored when enqueued and read later by a worker, so
 * whether it was read is recorded on its own, in the transaction that writes its reports.
 */
export interface IngestionRepository {
  /** Records the document as read; false when it already was (by another worker or an earlier run). */
  markRead(documentId: string, at: string): Promise<boolean>;
  isRead(documentId: string): Promise<boolean>;
  /** Stored documents not yet read, oldest first (by received time, then id). */
  unread(limit?: number): Promise<string[]>;
  /**
   * Call first inside a transaction that links reports into incidents: makes concurrent linkers (workers on
   * PostgreSQL) take turns, so two never both create an incident for one event or overwrite each other's.
   */
  serialiseLinking(): Promise<void>;
  /** Records (or updates) a document that failed every attempt. */
  recordDeadLetter(letter: DeadLetter): Promise<void>;
  /** Dead letters of documents still unread, oldest failure first. */
  deadLetters(): Promise<DeadLetter[]>;
}

export interface Repositories extends AccountRepositories {
  readonly documents: DocumentRepository;
  readonly reports: ReportRepository;
  readonly incidents: IncidentRepository;
  readonly linkConstraints: LinkConstraintRepository;
  readonly positions: PositionRepository;
  readonly verdicts: VerdictRepository;
  readonly replies: ReplyRepository;
  readonly audit: AuditRepository;
  readonly feeds: FeedStateRepository;
  readonly ingestion: IngestionRepository;
  readonly complaints: ComplaintRepository;
  readonly attachments: AttachmentRepository;
}

export type StoreEngine = "sqlite" | "postgres";

/** The repositories outside a transaction (each call commits on its own), plus transactions and closing. */
export interface Store extends Repositories {
  readonly engine: StoreEngine;
  /**
   * Runs `fn` in one transaction: everything it writes through `tx` commits together, or nothing does when it
   * throws (the error is rethrown). Use only `tx` inside: the store's own repositories would run outside it (and on SQLite, whose one
   * connection the transaction holds, wait for it forever).
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
