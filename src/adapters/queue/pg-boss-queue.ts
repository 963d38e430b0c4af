// The ingestion queue kept in PostgreSQL by pg-boss, in a schema beside the store's own.
import PgBoss from "pg-boss";
import { TruceError } from "../../errors.js";
import { defaultRetryPolicy, type IngestQueue } from "../../ports/ingest-queue.js";
import { parsePostgresUrl, redact } from "../store/postgres/open-postgres.js";

export const INGEST_QUEUE = "truce-ingest";
export const DEAD_QUEUE = "truce-ingest-dead";

interface JobData {
  readonly documentId: string;
}

/** The store in schema X keeps its queue in X_pgboss (public: pgboss, pg-boss's default), one queue per store. */
export const queueSchemaOf = (storeSchema: string): string =>
  storeSchema === "public" ? "pgboss" : `${storeSchema}_pgboss`.slice(0, 63);

const messageOf = (output: unknown): string => {
  if (
    output !== null &&
    typeof output === "object" &&
    "message" in output &&
    typeof output.message === "string"
  )
    return output.message;
  return output === null || output === undefined ? "no error was recorded" : JSON.stringify(output);
};

/**
 * Connects to the queue (pg-boss creates or upgrades its schema on start). `supervise`: this process also
 * expires jobs held by workers that died, so that they are retried; workers do, enqueuers need not.
 */
export async function openIngestQueue(spec: string, options: { supervise: boolean }): Promise<IngestQueue> {
  const target = parsePostgresUrl(spec);
  const boss = new PgBoss({
    connectionString: target.connectionString,
    schema: queueSchemaOf(target.schema),
    supervise: options.supervise,
    schedule: false,
    max: 4,
  });
  // pg-boss reports background errors as events; unheard, an EventEmitter error would end the process.
  boss.on("error", (error: Error) => process.stderr.write(`truce: queue: ${error.message}\n`));
  try {
    await boss.start();
    if ((await boss.getQueue(DEAD_QUEUE)) === null) await boss.createQueue(DEAD_QUEUE);
    if ((await boss.getQueue(INGEST_QUEUE)) === null)
      await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, deadLetter: DEAD_QUEUE });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    const detail = error instanceof Error ? error.message : String(error);
    throw new TruceError("TRUCE_E_DB_UNAVAILABLE", `cannot open the queue at ${redact(spec)}: ${detail}`, {
      cause: error,
      subject: redact(spec),
    });
  }

  return {
    async enqueue(documentIds, policy = defaultRetryPolicy) {
      // The document id is the job id: pg-boss ignores an insert whose id is already queued, so enqueueing
      // the same unread document again (a re-run of `ingest --queue`) does not make a second job.
      const jobs = documentIds.map((documentId) => ({
        id: documentId,
        name: INGEST_QUEUE,
        data: { documentId } satisfies JobData,
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        deadLetter: DEAD_QUEUE,
      }));
      for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
    },
    async fetch(count) {
      const jobs = await boss.fetch<JobData>(INGEST_QUEUE, { batchSize: count });
      return jobs.map((j) => ({ id: j.id, documentId: j.data.documentId }));
    },
    async complete(jobId) {
      await boss.complete(INGEST_QUEUE, jobId);
    },
    async fail(jobId, message) {
      await boss.fail(INGEST_QUEUE, jobId, { message });
    },
    async fetchDead(count) {
      const jobs = await boss.fetch<JobData>(DEAD_QUEUE, { batchSize: count, includeMetadata: true });
      return jobs.map((j) => ({
        id: j.id,
        documentId: j.data.documentId,
        error: messageOf(j.output),
        attempts: j.retryLimit + 1,
      }));
    },
    async completeDead(jobId) {
      await boss.complete(DEAD_QUEUE, jobId);
    },
    async pending() {
      const before = { before: "completed" } as const;
      return (await boss.getQueueSize(INGEST_QUEUE, before)) + (await boss.getQueueSize(DEAD_QUEUE, before));
    },
    async close() {
      await boss.stop({ graceful: true, wait: true, close: true });
    },
  };
}
