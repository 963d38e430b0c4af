// Complaints filed through the form and the files attached to them.
import { type Selectable, sql } from "kysely";
import type {
  Attachment,
  AttachmentMediaType,
  ComplainantRole,
  Complaint,
} from "../../../domain/records/complaint.js";
import { TruceError } from "../../../errors.js";
import type { AttachmentRepository, ComplaintListing, ComplaintRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { AttachmentsTable, ComplaintsTable } from "../schema.js";
import { chunks, type Executor } from "./support.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

type ComplaintRow = Selectable<ComplaintsTable> & { readonly incident_id: string | null };

const fromRow = (r: ComplaintRow): Complaint & { readonly incidentId: string | null } => ({
  id: r.id,
  documentId: r.document_id,
  reportId: r.report_id,
  filedBy: r.filed_by,
  complainant: r.complainant,
  complainantRole: r.complainant_role as ComplainantRole,
  witness: r.witness,
  coordinatesRestricted: r.coordinates_restricted === 1,
  createdAt: r.created_at,
  incidentId: r.incident_id,
});

const attachmentOf = (r: Omit<Selectable<AttachmentsTable>, "bytes" | "ord">): Attachment => ({
  id: r.id,
  complaintId: r.complaint_id,
  filename: r.filename,
  mediaType: r.media_type as AttachmentMediaType,
  size: Number(r.size),
  sha256: r.sha256,
});

const attachmentColumns = ["id", "complaint_id", "filename", "media_type", "size", "sha256"] as const;

const encodeCursor = (createdAt: string, id: string): string =>
  Buffer.from(JSON.stringify([createdAt, id]), "utf8").toString("base64url");

function decodeCursor(text: string): readonly [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string"))
      return [value[0] as string, value[1] as string];
  } catch {
    // Falls through to the error below: a malformed cursor is the caller's mistake, not a crash.
  }
  throw new TruceError("TRUCE_E_USAGE", `"${text}" is not a page cursor of complaints`);
}

export function complaintRepository(db: Executor): ComplaintRepository {
  /**
   * With the incident its report is in now: merges and splits move reports between incidents, so the incident is
   * looked up, not kept. Only the complainant's own incidents are searched (through `incident_complainants`).
   */
  const select = () =>
    db
      .selectFrom("complaints")
      .selectAll("complaints")
      .select(
        sql<string | null>`(
          select i.id from incident_complainants ic join incidents i on i.id = ic.incident_id
          where ic.party = complaints.complainant
            and i.report_ids like '%"' || complaints.report_id || '"%'
          limit 1)`.as("incident_id"),
      );

  const withAttachments = async (rows: readonly ComplaintRow[]): Promise<ComplaintListing[]> => {
    const byComplaint = new Map<string, Attachment[]>();
    for (const batch of chunks(rows.map((r) => r.id))) {
      const found = await db
        .selectFrom("attachments")
        .select(attachmentColumns)
        .where("complaint_id", "in", batch)
        .orderBy("ord")
        .execute();
      for (const a of found) {
        const list = byComplaint.get(a.complaint_id) ?? [];
        list.push(attachmentOf(a));
        byComplaint.set(a.complaint_id, list);
      }
    }
    return rows.map((r) => ({ ...fromRow(r), attachments: byComplaint.get(r.id) ?? [] }));
  };

  return {
    async insert(complaint) {
      await guarded(`complaint ${complaint.id}`, () =>
        db
          .insertInto("complaints")
          .values({
            id: complaint.id,
            document_id: complaint.documentId,
            report_id: complaint.reportId,
            filed_by: complaint.filedBy,
            complainant: complaint.complainant,
            complainant_role: complaint.complainantRole,
            witness: complaint.witness,
            coordinates_restricted: complaint.coordinatesRestricted ? 1 : 0,
            created_at: complaint.createdAt,
          })
          .execute(),
      );
    },
    async get(id) {
      const row = await select().where("complaints.id", "=", id).executeTakeFirst();
      return row === undefined ? null : ((await withAttachments([row]))[0] ?? null);
    },
    async list(query = {}) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      let q = select();
      if (query.complainant !== undefined) q = q.where("complaints.complainant", "=", query.complainant);
      if (query.after !== undefined && query.after !== null) {
        const [createdAt, id] = decodeCursor(query.after);
        q = q.where((eb) =>
          eb(eb.refTuple("complaints.created_at", "complaints.id"), "<", eb.tuple(createdAt, id)),
        );
      }
      const rows = await q
        .orderBy("complaints.created_at", "desc")
        .orderBy("complaints.id", "desc")
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: await withAttachments(page),
        next: rows.length > limit && last !== undefined ? encodeCursor(last.created_at, last.id) : null,
      };
    },
  };
}

export function attachmentRepository(db: Executor): AttachmentRepository {
  return {
    async insert(attachment, bytes) {
      await guarded(`attachment ${attachment.id}`, () =>
        db
          .insertInto("attachments")
          .values({
            id: attachment.id,
            complaint_id: attachment.complaintId,
            filename: attachment.filename,
            media_type: attachment.mediaType,
            size: attachment.size,
            sha256: attachment.sha256,
            bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          })
          .execute(),
      );
    },
    async get(id) {
      const row = await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst();
      if (row === undefined) return null;
      return { attachment: attachmentOf(row), bytes: new Uint8Array(row.bytes) };
    },
    async byComplaint(complaintId) {
      const rows = await db
        .selectFrom("attachments")
        .select(attachmentColumns)
        .where("complaint_id", "=", complaintId)
        .orderBy("ord")
        .execute();
      return rows.map(attachmentOf);
    },
  };
}
