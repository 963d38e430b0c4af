// Complaints: a party files its own (a guarantor's monitor an observation), with files; a party lists its own,
// guarantors and administrators every one; an attachment goes to those who may read its complaint.
import { z } from "zod";
import { loadPlaceData } from "../../adapters/data/load-places.js";
import { fileComplaint } from "../../application/complaints/file-complaint.js";
import { redactComplaint } from "../../application/complaints/list-complaints.js";
import { TruceError } from "../../errors.js";
import { readComplaint } from "../complaint-input.js";
import { notFound } from "../http-errors.js";
import { RECORD_ID } from "../incident-view-for.js";
import { route } from "../route.js";
import { complaintPage, filedComplaint } from "../schemas/complaints.js";
import { MAX_PAGE } from "../schemas/incident-query.js";
import { idParams } from "./common.js";

export const listComplaints = route({
  query: z.object({
    complainant: z
      .string()
      .trim()
      .toUpperCase()
      .max(40)
      .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "is not an actor id such as SY-GOV")
      .optional()
      .describe("Only this party's or guarantor state's complaints (a party always sees its own only)"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    after: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, "is not a page cursor")
      .optional(),
  }),
  response: complaintPage,
  handler: async ({ query, principal }, { store }) => {
    let complainant = query.complainant;
    if (principal.role === "party") {
      if (complainant !== undefined && complainant !== principal.party) {
        throw new TruceError(
          "TRUCE_E_FORBIDDEN",
          `a ${principal.party} account lists its own complaints only`,
        );
      }
      complainant = principal.party;
    }
    const page = await store.complaints.list({
      ...(complainant === undefined ? {} : { complainant }),
      limit: query.limit,
      ...(query.after === undefined ? {} : { after: query.after }),
    });
    return { items: page.items.map((c) => redactComplaint(c, principal)), next: page.next };
  },
});

export const createComplaint = route({
  status: 201,
  // JSON complaints carry no files; multipart forms are bounded by their own limits (see complaint-input.ts).
  bodyLimit: (context) => context.config.bodyLimit,
  response: filedComplaint,
  description: [
    "multipart/form-data (the browser's form) or application/json (no files). Fields: narrative, date (YYYY-MM-DD),",
    "datePrecision (1 day, 2 week, 3 month), lat and lon (a point on the map) or place (a name the gazetteer knows),",
    "coordinatesRestricted (true/false), subEventType (ACLED), eventType (optional), accused (a party's actor id),",
    "target, killed, witness (restricted), complainant (if given, the account's own). Files: at most 5, 10 MiB each, PNG, JPEG, PDF or plain text (told by",
    "their bytes). The complainant is the signed-in account's party, or its guarantor state for an observation.",
  ].join(" "),
  handler: async ({ principal, request }, context) => {
    const form = await readComplaint(request, principal);
    const filed = await fileComplaint(
      { store: context.store, agreements: context.agreements, places: loadPlaceData(), now: context.now },
      principal,
      form,
    );
    await context.afterWrite();
    return filed;
  },
});

export const getAttachment = route({
  params: idParams,
  response: z.string().describe("The file's bytes"),
  produces: ["image/png", "image/jpeg", "application/pdf", "text/plain"],
  handler: async ({ params, principal, reply }, { store }) => {
    const found = RECORD_ID.test(params.id) ? await store.attachments.get(params.id) : null;
    if (found === null) throw notFound(`no attachment ${JSON.stringify(params.id.slice(0, 80))} is stored`);
    if (principal.role === "party") {
      const owner = await store.complaints.get(found.attachment.complaintId);
      if (owner?.complainant !== principal.party) {
        throw new TruceError("TRUCE_E_FORBIDDEN", "this attachment belongs to another party's complaint");
      }
    }
    const { attachment: a, bytes } = found;
    // Always a download, never shown in the page: a file from outside must not run in this site's origin.
    const ascii = a.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return reply
      .type(a.mediaType === "text/plain" ? "text/plain; charset=utf-8" : a.mediaType)
      .header(
        "content-disposition",
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
      )
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, no-store")
      .send(Buffer.from(bytes));
  },
});
