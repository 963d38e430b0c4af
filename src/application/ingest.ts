// The ingest use case: store each document as received, read it, link its reports into incidents, log it.
import { createHash, randomUUID } from "node:crypto";
import type { Agreement } from "../domain/agreement/schema.js";
import type { StoredDocument } from "../domain/records/document.js";
import type { Report } from "../domain/records/report.js";
import { isTruceError, type TruceError } from "../errors.js";
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

async function ingestDocument(
  incoming: IncomingDocument,
  deps: IngestDeps,
  summary: IngestSummary,
): Promise<void> {
  const now = deps.now();
  const document: StoredDocument = {
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
  // Reading is pure and takes milliseconds: do it before the transaction, which then only writes.
  const article = articleOfDocument(document);
  const extracted = extractArticle(article, deps.extraction);
  const reports: Report[] = reportsFromArticle(
    document,
    extracted,
    document.contentHash,
    { next: randomUUID },
    now,
  );

  const outcome = await deps.store.transaction(async (tx: Repositories) => {
    const { document: stored, created } = await tx.documents.insert(document);
    if (incoming.feedItem) {
      await tx.feeds.markRead(
        incoming.feedItem.feed,
        [{ key: incoming.feedItem.itemId, documentId: stored.id }],
        now,
      );
    }
    if (!created) return null;
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
    return linkReports(tx, reports, article.text, deps.agreements, now);
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
