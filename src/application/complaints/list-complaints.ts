// Reading complaints back: a party its own, guarantors and administrators every one; a witness only to those who
// may see restricted fields; an attachment only to those who may read its complaint.
import { type Principal, seesRestricted } from "../../domain/access/principal.js";
import type { Attachment } from "../../domain/records/complaint.js";
import { TruceError } from "../../errors.js";
import type { ComplaintListing, ComplaintPage, Repositories } from "../../ports/store.js";

export interface ComplaintListQuery {
  readonly limit?: number;
  readonly after?: string | null;
}

/** Whose complaints the principal may read: one party's, or (null) everyone's. */
function readableBy(principal: Principal): { readonly complainant: string | null } {
  if (principal.role === "admin" || principal.role === "guarantor") return { complainant: null };
  if (principal.role === "party") return { complainant: principal.party };
  throw new TruceError(
    "TRUCE_E_FORBIDDEN",
    "complaints are read by the parties that filed them, the guarantors and administrators",
  );
}

export const redactComplaint = (complaint: ComplaintListing, principal: Principal): ComplaintListing =>
  seesRestricted(principal) || complaint.witness === null ? complaint : { ...complaint, witness: null };

/** Newest first, in pages. */
export async function listComplaints(
  repositories: Repositories,
  principal: Principal,
  query: ComplaintListQuery = {},
): Promise<ComplaintPage> {
  const { complainant } = readableBy(principal);
  const page = await repositories.complaints.list({
    ...(complainant === null ? {} : { complainant }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    after: query.after ?? null,
  });
  return { items: page.items.map((c) => redactComplaint(c, principal)), next: page.next };
}

const missing = (what: string, id: string) =>
  new TruceError(
    "TRUCE_E_NOT_FOUND",
    `no ${what} ${JSON.stringify(id.slice(0, 80))} is stored, or none you may see`,
    {
      subject: id,
    },
  );

/** One complaint, if the principal may read it; another party's is exactly as missing as an unknown one. */
export async function getComplaint(
  repositories: Repositories,
  principal: Principal,
  id: string,
): Promise<ComplaintListing> {
  const { complainant } = readableBy(principal);
  const complaint = await repositories.complaints.get(id);
  if (complaint === null || (complainant !== null && complaint.complainant !== complainant))
    throw missing("complaint", id);
  return redactComplaint(complaint, principal);
}

/** An attachment with its bytes, to those who may read its complaint. */
export async function getAttachment(
  repositories: Repositories,
  principal: Principal,
  id: string,
): Promise<{ readonly attachment: Attachment; readonly bytes: Uint8Array }> {
  const { complainant } = readableBy(principal);
  const found = await repositories.attachments.get(id);
  if (found === null) throw missing("attachment", id);
  if (complainant !== null) {
    const complaint = await repositories.complaints.get(found.attachment.complaintId);
    if (complaint === null || complaint.complainant !== complainant) throw missing("attachment", id);
  }
  return found;
}
