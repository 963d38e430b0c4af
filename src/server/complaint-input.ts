// Reads a complaint from the request: a multipart form (the browser's, with files) or JSON (a script's, without),
// checked field by field; a bad field is a 400 naming it, an oversized file a 413.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AttachmentUpload, ComplaintForm } from "../application/complaints/complaint-form.js";
import type { Principal } from "../domain/access/principal.js";
import { eventTypes, type SubEventType } from "../domain/ontology.js";
import { TruceError } from "../errors.js";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
/** The largest text field (a narrative of about 30 pages). */
export const MAX_FIELD_BYTES = 100_000;

const subEventTypes = Object.values(eventTypes).flat() as SubEventType[];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

/** Form fields arrive as text: numbers and flags are read from it; JSON gives them typed. */
const number = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim()])
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    })
    .nullable()
    .optional();

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off", "1", "0", "yes", "no", ""])])
  .transform((v) => v === true || v === "true" || v === "on" || v === "1" || v === "yes")
  .optional();

export const complaintFields = z.object({
  narrative: z.string().trim().min(1, "tell what happened").max(MAX_FIELD_BYTES),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "write the day as YYYY-MM-DD"),
  datePrecision: z
    .union([z.number(), z.string().trim()])
    .transform((v) => Number(v))
    .pipe(
      z.union([z.literal(1), z.literal(2), z.literal(3)], {
        error: "must be 1 (day), 2 (week) or 3 (month)",
      }),
    ),
  lat: number(-90, 90),
  lon: number(-180, 180),
  place: optionalText(200),
  coordinatesRestricted: flag,
  subEventType: z.enum(subEventTypes as [SubEventType, ...SubEventType[]], {
    error: "is not an ACLED sub-event type",
  }),
  eventType: optionalText(100),
  accused: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "is not an actor id such as SY-GOV")
    .max(40),
  target: optionalText(200),
  killed: number(0, 1_000_000).pipe(z.number().int("must be a whole number").nullable().optional()),
  witness: optionalText(2000),
  /** The account's own party or guarantor state, if given at all: nobody complains for another. */
  complainant: optionalText(40),
});

function invalid(path: string, message: string): TruceError {
  return new TruceError("TRUCE_E_INVALID_INPUT", `${path}: ${message}`, { subject: path });
}

function checkFields(raw: Record<string, unknown>): z.output<typeof complaintFields> {
  const parsed = complaintFields.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `body.${issue?.path.map(String).join(".") || "form"}`;
    throw invalid(field, issue?.message ?? "is not valid");
  }
  return parsed.data;
}

function formOf(fields: z.output<typeof complaintFields>, attachments: AttachmentUpload[]): ComplaintForm {
  return {
    narrative: fields.narrative,
    date: fields.date,
    datePrecision: fields.datePrecision,
    lat: fields.lat ?? null,
    lon: fields.lon ?? null,
    place: fields.place ?? null,
    coordinatesRestricted: fields.coordinatesRestricted ?? false,
    subEventType: fields.subEventType,
    eventType: fields.eventType ?? null,
    accused: fields.accused,
    target: fields.target ?? null,
    killed: fields.killed ?? null,
    witness: fields.witness ?? null,
    attachments,
  };
}

/** The complaint of a multipart form (fields `narrative`, `date`, …; files under any name) or a JSON body. */
export async function readComplaint(request: FastifyRequest, principal: Principal): Promise<ComplaintForm> {
  const own =
    principal.role === "party"
      ? principal.party
      : principal.role === "guarantor"
        ? principal.guarantor
        : null;
  const checked = (raw: Record<string, unknown>) => {
    const fields = checkFields(raw);
    if (fields.complainant != null && fields.complainant.toUpperCase() !== own) {
      throw new TruceError(
        "TRUCE_E_FORBIDDEN",
        `this account complains for ${own ?? "nobody"} only, not for ${fields.complainant.toUpperCase()}`,
      );
    }
    return fields;
  };
  if (!request.isMultipart()) {
    const body = request.body;
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw invalid("body", "send the complaint as multipart/form-data, or as a JSON object without files");
    }
    return formOf(checked(body as Record<string, unknown>), []);
  }
  const fields = new Map<string, string>();
  const attachments: AttachmentUpload[] = [];
  for await (const part of request.parts({
    limits: {
      fileSize: MAX_ATTACHMENT_BYTES,
      files: MAX_ATTACHMENTS,
      fields: 30,
      fieldSize: MAX_FIELD_BYTES,
      parts: 40,
    },
  })) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      // A browser sends an empty file part when no file was chosen: that is no attachment.
      if (bytes.length === 0 && part.filename === "") continue;
      attachments.push({ filename: part.filename.slice(0, 255), mediaType: part.mimetype, bytes });
    } else {
      const name = `body.${part.fieldname.slice(0, 40)}`;
      if (part.valueTruncated) {
        throw new TruceError("TRUCE_E_BODY_TOO_LARGE", `${name} is longer than ${MAX_FIELD_BYTES} bytes`);
      }
      if (fields.has(part.fieldname)) throw invalid(name, "is given twice");
      fields.set(part.fieldname, typeof part.value === "string" ? part.value : String(part.value));
    }
  }
  return formOf(checked(Object.fromEntries(fields)), attachments);
}
