// `truce ingest --queue`: stores the documents as received, then queues every unread one for `truce worker`.
import { openIngestQueue } from "../../adapters/queue/pg-boss-queue.js";
import { checkpointNow } from "../../application/audit-trail.js";
import { storeOnly } from "../../application/ingest.js";
import { resolveDbSpec } from "../../config.js";
import type { DocumentSource } from "../../ports/document-source.js";
import type { Store } from "../../ports/store.js";
import { type DataOptions, withSession } from "../support/session.js";
import { requirePostgres } from "./worker.js";

/**
 * Documents are stored (and their acceptance logged) here, before anything is queued, so that what was
 * received is kept even if no worker ever reads it, and workers need only the database, not our files or
 * network. Queued are all stored-but-unread documents, not just this run's: a run killed between storing and
 * queueing leaves nothing behind that the next one does not pick up; the queue skips those already queued.
 */
export async function queueIngest(
  options: DataOptions,
  sourcesFor: (store: Store) => DocumentSource[],
  setExitCode: (code: number) => void,
): Promise<void> {
  const spec = resolveDbSpec(options.db);
  requirePostgres(spec, "truce ingest --queue");
  await withSession(options, async (session) => {
    const summary = await storeOnly(sourcesFor(session.store), {
      store: session.store,
      now: session.now,
      onProblem: (_origin, error) => process.stderr.write(`truce: ${error.message} [${error.code}]\n`),
    });
    const unread = await session.store.ingestion.unread(Number.MAX_SAFE_INTEGER);
    const queue = await openIngestQueue(spec, { supervise: false });
    try {
      await queue.enqueue(unread);
    } finally {
      await queue.close();
    }
    const checkpoint = await checkpointNow(session.store, session.auditKey(), session.now());
    process.stdout.write(
      `${[
        `documents: ${summary.documentsNew} new, ${summary.documentsDuplicate} already stored, ${summary.documentsFailed} refused`,
        `queued: ${unread.length} unread documents for \`truce worker\``,
        `audit log: ${checkpoint.treeSize} entries, checkpoint signed by key ${checkpoint.keyId}`,
      ].join("\n")}\n`,
    );
    setExitCode(summary.documentsFailed > 0 ? 1 : 0);
  });
}
