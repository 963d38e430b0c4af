// A stored document's text with the spans its reports were read from, and ingesting a document over the API.
import { z } from "zod";
import { articleFromSource } from "../../adapters/files/read-article.js";
import { articleOfDocument } from "../../application/article-of-document.js";
import { ingest } from "../../application/ingest.js";
import type { Principal } from "../../domain/access/principal.js";
import { redactDocument, redactReport } from "../../domain/access/redact.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import {
  type PartyNaming,
  partyNaming,
  withholdDocumentNames,
  withholdReportNames,
} from "../../domain/publication/party-naming.js";
import { contentTypeOf, formatOf, type StoredDocument } from "../../domain/records/document.js";
import type { Report } from "../../domain/records/report.js";
import { TruceError } from "../../errors.js";
import type { DocumentSource } from "../../ports/document-source.js";
import type { Repositories } from "../../ports/store.js";
import { notFound } from "../http-errors.js";
import { RECORD_ID, readableIncident } from "../incident-view-for.js";
import { route } from "../route.js";
import { documentText } from "../schemas/documents.js";
import { partyNamingFor, readableReport, readerVisibility } from "../visibility.js";
import { idParams } from "./common.js";

const MiB = 1024 * 1024;

const missing = (id: string) =>
  notFound(`no document ${JSON.stringify(id.slice(0, 80))} is stored, or none you may see`, id);

/**
 * The document and those of its reports the principal may read, and whom it may be told of in them. Roles that
 * do not see everything read a document through an incident they may read (`?incident=`), which must hold one
 * of its reports: that incident's agreement says whether parties are named.
 */
async function readableDocument(
  repositories: Repositories,
  id: string,
  incidentId: string | undefined,
  principal: Principal,
  agreement: Agreement,
): Promise<{ document: StoredDocument; reports: Report[]; naming: PartyNaming }> {
  const visibility = readerVisibility(principal, agreement);
  if (visibility === null) throw missing(id);
  if (visibility.scope !== "all" && incidentId === undefined) {
    throw new TruceError(
      "TRUCE_E_INVALID_INPUT",
      "query.incident: give the incident you read this document through",
      { subject: "query.incident" },
    );
  }
  const document = RECORD_ID.test(id) ? await repositories.documents.get(id) : null;
  if (document === null) throw missing(id);
  const reports = await repositories.reports.byDocument(document.id);
  // Only a reader who sees everything reads without an incident, and such a reader is told every name.
  if (incidentId === undefined) return { document, reports, naming: partyNaming(principal, null) };
  const incident = await readableIncident(repositories, incidentId, principal, agreement);
  const readable = reports.filter(
    (r) => incident.reportIds.includes(r.id) && readableReport(incident, r, visibility),
  );
  if (readable.length === 0) throw missing(id);
  return { document, reports: readable, naming: partyNamingFor(principal, agreement, incident) };
}

export const getDocument = route({
  params: idParams,
  query: z.object({
    incident: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("The incident the document is read through (required unless the account sees everything)"),
  }),
  response: documentText,
  handler: async ({ params, query, principal }, { store, agreement }) => {
    const found = await readableDocument(store, params.id, query.incident, principal, agreement);
    const document = withholdDocumentNames(redactDocument(found.document, principal), found.naming);
    let text: string | null = null;
    let textProblem: string | null = null;
    try {
      text = articleOfDocument(document).text;
    } catch (error) {
      textProblem = error instanceof Error ? error.message : String(error);
    }
    return {
      id: document.id,
      source: document.source,
      channel: document.channel,
      origin: document.origin,
      title: document.title,
      published: document.published,
      receivedAt: document.receivedAt,
      contentType: document.contentType,
      contentHash: document.contentHash,
      text,
      textProblem,
      reports: found.reports.map((r) => withholdReportNames(redactReport(r, principal), found.naming)),
      partiesNamed: found.naming.all,
    };
  },
});

const ingestBody = z.object({
  body: z.string().min(1, "the document is empty").describe("The document exactly as received"),
  contentType: z.enum(["text/plain", "text/html", "application/json"]).default("text/plain"),
  source: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("The outlet; else the article's own, else api"),
  origin: z.string().trim().max(2000).optional().describe("Where it came from (a URL, a reference)"),
  title: z.string().trim().max(1000).optional(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "write the publication date as YYYY-MM-DD")
    .optional(),
});

/** One document from the request, read once at the door so that what can never be extracted is refused. */
function requestSource(input: z.output<typeof ingestBody>): DocumentSource {
  return {
    description: "the request",
    async *items() {
      const origin = input.origin ?? "api";
      try {
        const article = articleFromSource(input.body, formatOf[input.contentType], origin);
        yield {
          ok: true as const,
          document: {
            source: input.source ?? article.outlet ?? "api",
            channel: "api" as const,
            origin,
            body: input.body,
            contentType: contentTypeOf[formatOf[input.contentType]],
            title: input.title ?? article.title,
            published: input.published ?? article.published,
          },
        };
      } catch (error) {
        if (!(error instanceof TruceError)) throw error;
        yield { ok: false as const, origin, error };
      }
    },
  };
}

export const ingestDocument = route({
  body: ingestBody,
  status: 201,
  bodyLimit: () => 11 * MiB,
  response: z
    .object({
      documentsNew: z.number().int(),
      documentsDuplicate: z.number().int(),
      reports: z.number().int(),
      incidentsCreated: z.number().int(),
      incidentsUpdated: z.number().int(),
    })
    .meta({ id: "IngestSummary" }),
  description:
    "Stores the document as received (channel `api`), reads it and links its reports into incidents, in one transaction.",
  handler: async ({ body }, context) => {
    let refused: TruceError | null = null;
    const summary = await ingest([requestSource(body)], {
      store: context.store,
      extraction: await context.extraction(),
      agreements: context.agreements,
      now: context.now,
      onProblem: (_origin, error) => {
        refused = error;
      },
    });
    if (refused !== null) throw refused;
    await context.afterWrite();
    return summary;
  },
});
