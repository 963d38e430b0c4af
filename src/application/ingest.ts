// The ingest use case: store each document as received, read it, link its reports into incidents, log it.
import { createHash, randomUUID } from "node:crypto";
import type { Agreement } from "../domain/agreement/schema.js";
import type { StoredDocument } from "../domain/records/document.js";
import type { Report } from "../domain/records/report.js";
import { isTruceError, TruceError } from "../errors.js";
import { type ExtractionContext, extractArticle } from "../extraction/pipeline.js";
import type { DocumentSource, IncomingDocument } from "../ports/document-source.js";
import type { Repositories, Store } from "../ports/store.js";
import { articleOfDocument } from "./article-of-document.js";
import { recordAudit } from "./audit-trail.js";
import { linkReports } from "./link-reports.js";
import { reportsFromArticle } from "./reports-from-article.js";

export interface IngestSummary {
  documentsNew: number;
  documentsDuplicate: number;
  documentsFailed: number;
  reports: number;
  incidentsCreated: number;
  incidentsUpdated: number;
}

export interface IngestDeps {
  readonly store: Store;
  readonly extraction: ExtractionContext;
  readonly agreements: readonly Agreement[];
  readonly now: () => string;
  /** Told of each refused document, so that the shell can say which and why. */
  readonly onProblem?: (origin: string, error: TruceError) => void;
  /** Told after each item, for progress bars. */
  readonly onItem?: (summary: IngestSummary) => void;
}

export const contentHash = (body: string): string => createHash("sha256").update(body, "utf8").digest("hex");

export function emptySummary(): IngestSummary {
  return {
    documentsNew: 0,
    documentsDuplicate: 0,
    documentsFailed: 0,
    reports: 0,
    incidentsCreated: 0,
    incidentsUpdated: 0,
  };
}

/**
 * Ingests every item of the sources. Each document is one transaction: the document, its reports, the
 * incidents they join, the audit entry and the feed's memory of the item commit together, so a crash at
 * any moment leaves each document either wholly ingested or not at all, and running again finishes the job.
 */
export async function ingest(sources: readonly DocumentSource[], deps: IngestDeps): Promise<IngestSummary> {
  const summary = emptySummary();
  for (const source of sources) {
    for await (const item of source.items()) {
      if (!item.ok) {
        summary.documentsFailed++;
        deps.onProblem?.(item.origin, item.error);
      } else {
        try {
          await ingestDocument(item.document, deps, summary);
        } catch (error) {
          if (!isTruceError(error)) throw error;
          summary.documentsFailed++;
          deps.onProblem?.(item.document.origin, error);
        }
      }
      deps.onItem?.(summary);
    }
  }
  return summary;
}

function documentOf(incoming: IncomingDocument, now: string): StoredDocument {
  return {
    id: randomUUID(),
    source: incoming.source,
    channel: incoming.channel,
    origin: incoming.origin,
    receivedAt: now,
    contentHash: contentHash(incoming.body),
    contentType: incoming.contentType,
    body: incoming.body,
    title: incoming.title,
    published: incoming.published,
  };
}

/**
 * Stores the document as received, remembers its feed item and logs its acceptance, in the caller's
 * transaction; true when it is new (no document with the same content hash was stored before).
 */
async function storeInTransaction(
  tx: Repositories,
  document: StoredDocument,
  incoming: IncomingDocument,
  now: string,
): Promise<boolean> {
  const { document: stored, created } = await tx.documents.insert(document);
  if (incoming.feedItem) {
    await tx.feeds.markRead(
      incoming.feedItem.feed,
      [{ key: incoming.feedItem.itemId, documentId: stored.id }],
      now,
    );
  }
  if (!created) return false;
  await recordAudit(
    tx,
    "document_accepted",
    stored.id,
    {
      contentHash: stored.contentHash,
      source: stored.source,
      origin: stored.origin ?? "",
      channel: stored.channel,
    },
    now,
  );
  return true;
}

/** A document's reports and text, as the extraction pipeline reads them: pure, and takes milliseconds. */
function readDocument(
  document: StoredDocument,
  extraction: ExtractionContext,
  now: string,
): { readonly reports: Report[]; readonly text: string } {
  const article = articleOfDocument(document);
  const extracted = extractArticle(article, extraction);
  const reports = reportsFromArticle(document, extracted, document.contentHash, { next: randomUUID }, now);
  return { reports, text: article.text };
}

async function ingestDocument(
  incoming: IncomingDocument,
  deps: IngestDeps,
  summary: IngestSummary,
): Promise<void> {
  const now = deps.now();
  const document = documentOf(incoming, now);
  // Reading is pure and takes milliseconds: do it before the transaction, which then only writes.
  const { reports, text } = readDocument(document, deps.extraction, now);

  const outcome = await deps.store.transaction(async (tx: Repositories) => {
    await tx.ingestion.serialiseLinking();
    const created = await storeInTransaction(tx, document, incoming, now);
    if (!created) return null;
    await tx.ingestion.markRead(document.id, now);
    return linkReports(tx, reports, text, deps.agreements, now);
  });
  // Counted once committed: a rolled-back document must not show in the summary.
  if (outcome === null) {
    summary.documentsDuplicate++;
    return;
  }
  summary.documentsNew++;
  summary.reports += reports.length;
  summary.incidentsCreated += outcome.created;
  summary.incidentsUpdated += outcome.updated;
}

export interface StoreSummary {
  documentsNew: number;
  documentsDuplicate: number;
  documentsFailed: number;
}

/**
 * Stores every item of the sources as received, without reading it: what `truce ingest --queue` does before
 * it enqueues. Each document commits with its audit entry and its feed item, as in `ingest`.
 */
export async function storeOnly(
  sources: readonly DocumentSource[],
  deps: Pick<IngestDeps, "store" | "now" | "onProblem">,
): Promise<StoreSummary> {
  const summary: StoreSummary = { documentsNew: 0, documentsDuplicate: 0, documentsFailed: 0 };
  for (const source of sources) {
    for await (const item of source.items()) {
      if (!item.ok) {
        summary.documentsFailed++;
        deps.onProblem?.(item.origin, item.error);
        continue;
      }
      const now = deps.now();
      const document = documentOf(item.document, now);
      const created = await deps.store.transaction((tx) =>
        storeInTransaction(tx, document, item.document, now),
      );
      if (created) summary.documentsNew++;
      else summary.documentsDuplicate++;
    }
  }
  return summary;
}

export type ReadOutcome =
  | {
      readonly status: "read";
      readonly reports: number;
      readonly incidentsCreated: number;
      readonly incidentsUpdated: number;
    }
  | { readonly status: "already-read" };

/**
 * Reads one stored document and links its reports, once: the read marker commits with the reports, and a
 * second reader (a duplicate job, another worker) finds the marker and writes nothing. What a worker runs.
 */
export async function readStoredDocument(
  documentId: string,
  deps: Pick<IngestDeps, "store" | "extraction" | "agreements" | "now">,
): Promise<ReadOutcome> {
  if (await deps.store.ingestion.isRead(documentId)) return { status: "already-read" };
  const document = await deps.store.documents.get(documentId);
  if (document === null)
    throw new TruceError("TRUCE_E_STORE_REFERENCE", `document ${documentId} is not stored`, {
      subject: documentId,
    });
  const now = deps.now();
  const { reports, text } = readDocument(document, deps.extraction, now);
  const outcome = await deps.store.transaction(async (tx) => {
    await tx.ingestion.serialiseLinking();
    if (!(await tx.ingestion.markRead(document.id, now))) return null;
    return linkReports(tx, reports, text, deps.agreements, now);
  });
  if (outcome === null) return { status: "already-read" };
  return {
    status: "read",
    reports: reports.length,
    incidentsCreated: outcome.created,
    incidentsUpdated: outcome.updated,
  };
}
