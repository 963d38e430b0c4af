// A complaint as a stored document: the narrative as the article's text (so the document view and its spans work
// as for any article) and the form's facts beside it, as received. The witness is not in it: the witness lives
// only in the complaints table, which no export reads.
import { createHash } from "node:crypto";
import type { ComplainantRole } from "../../domain/records/complaint.js";
import type { StoredDocument } from "../../domain/records/document.js";
import type { CheckedAttachment } from "./attachments.js";
import type { CheckedForm } from "./check-form.js";
import type { Located } from "./locate.js";

export interface ComplaintDocumentInput {
  readonly complaintId: string;
  readonly documentId: string;
  readonly complainant: string;
  readonly role: ComplainantRole;
  readonly form: CheckedForm;
  readonly place: Located;
  readonly attachments: readonly CheckedAttachment[];
  readonly now: string;
}

export function complaintDocument(input: ComplaintDocumentInput): StoredDocument {
  const { form, place } = input;
  const what = input.role === "party" ? "Complaint" : "Observation";
  const title = `${what} by ${input.complainant}: ${form.subEventType} at ${place.location} on ${form.date}`;
  const body = JSON.stringify({
    title,
    published: input.now,
    outlet: input.complainant,
    language: null,
    text: form.narrative,
    complaint: {
      id: input.complaintId,
      complainant: input.complainant,
      role: input.role,
      date: form.date,
      datePrecision: form.datePrecision,
      place: form.place,
      location: place.location,
      admin1: place.admin1,
      country: place.country,
      lat: place.lat,
      lon: place.lon,
      coordinatesRestricted: form.coordinatesRestricted,
      eventType: form.eventType,
      subEventType: form.subEventType,
      accused: form.accused,
      target: form.target,
      killed: form.killed,
      attachments: input.attachments.map((a) => ({
        filename: a.filename,
        mediaType: a.mediaType,
        size: a.size,
        sha256: a.sha256,
      })),
    },
  });
  return {
    id: input.documentId,
    source: input.complainant,
    channel: "form",
    origin: `complaint:${input.complaintId}`,
    receivedAt: input.now,
    contentHash: createHash("sha256").update(body, "utf8").digest("hex"),
    contentType: "application/json",
    body,
    title,
    published: input.now,
  };
}
