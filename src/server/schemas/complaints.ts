// Complaints as the API shows them, with their files, and what filing one answers.
import { z } from "zod";

export const attachment = z
  .object({
    id: z.string(),
    complaintId: z.string(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: "Attachment" });

export const complaint = z
  .object({
    id: z.string(),
    documentId: z.string(),
    reportId: z.string(),
    incidentId: z.string().nullable(),
    filedBy: z.string(),
    complainant: z.string(),
    complainantRole: z.enum(["party", "guarantor"]),
    witness: z.string().nullable().describe("Restricted: only for roles that see restricted fields"),
    coordinatesRestricted: z.boolean(),
    createdAt: z.string(),
    attachments: z.array(attachment),
  })
  .meta({ id: "Complaint" });

export const complaintPage = z
  .object({ items: z.array(complaint), next: z.string().nullable() })
  .meta({ id: "ComplaintPage" });

/** What filing stored, and the incident the complaint was linked into. */
export const filedComplaint = z
  .object({
    complaintId: z.string(),
    documentId: z.string(),
    reportId: z.string(),
    incidentId: z.string(),
    attachmentIds: z.array(z.string()),
  })
  .meta({ id: "FiledComplaint" });
