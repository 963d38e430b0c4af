// A complaint: a party's account of a violation (or a guarantor's monitor's observation) filed through the form,
// with the files that back it. Its text is a stored document and its facts a report, like any other source's.

/** Who may file: a party's representative complains, a guarantor's monitor observes. */
export type ComplainantRole = "party" | "guarantor";

export interface Complaint {
  readonly id: string;
  /** The document holding the narrative exactly as received (channel `form`). */
  readonly documentId: string;
  /** The report drawn from the form's facts (kind `complaint` for a party, `observation` for a guarantor). */
  readonly reportId: string;
  /** The account that filed it. */
  readonly filedBy: string;
  /** The party or guarantor state the complaint speaks for (an actor id such as SY-GOV or RU). */
  readonly complainant: string;
  readonly complainantRole: ComplainantRole;
  /** Restricted: never shown to roles that may not see restricted fields, never exported. */
  readonly witness: string | null;
  /** The complainant asked for the exact coordinates to be restricted. */
  readonly coordinatesRestricted: boolean;
  readonly createdAt: string;
}

/** What the accepted file types are, told by their first bytes rather than their names. */
export type AttachmentMediaType = "image/png" | "image/jpeg" | "application/pdf" | "text/plain";

export interface Attachment {
  readonly id: string;
  readonly complaintId: string;
  /** The name it was uploaded under, kept for display and download only. */
  readonly filename: string;
  readonly mediaType: AttachmentMediaType;
  readonly size: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
}
