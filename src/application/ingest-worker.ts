// The ingestion worker: takes queued documents, reads each once, and records those that keep failing.
import { isTruceError } from "../errors.js";
import type { IngestQueue } from "../ports/ingest-queue.js";
import { type IngestDeps, readStoredDocument } from "./ingest.js";

export interface WorkerSummary {
  read: number;
  alreadyRead: number;
  /** Attempts that failed (each is retried, or becomes a dead letter after the last). */
  failedAttempts: number;
  deadLetters: number;
  reports: number;
}

export interface WorkerOptions {
  readonly queue: IngestQueue;
  /** Jobs held and worked on at once. */
  readonly concurrency: number;
  /** Stop once nothing is waiting, retrying or being worked on (anywhere); else run until `signal` aborts. */
  readonly once: boolean;
  readonly signal?: AbortSignal;
  /** Wait between polls of an empty queue. */
  readonly pollMs?: number;
  readonly onProblem?: (documentId: string, message: string) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

const messageOf = (error: unknown): string =>
  isTruceError(error)
    ? `${error.message} [${error.code}]`
    : error instanceof Error
      ? error.message
      : String(error);

export async function runWorker(
  options: WorkerOptions,
  deps: Pick<IngestDeps, "store" | "extraction" | "agreements" | "now">,
): Promise<WorkerSummary> {
  const summary: WorkerSummary = { read: 0, alreadyRead: 0, failedAttempts: 0, deadLetters: 0, reports: 0 };
  const { queue } = options;
  while (!options.signal?.aborted) {
    const jobs = await queue.fetch(options.concurrency);
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const outcome = await readStoredDocument(job.documentId, deps);
          if (outcome.status === "read") {
            summary.read++;
            summary.reports += outcome.reports;
          } else summary.alreadyRead++;
          await queue.complete(job.id);
        } catch (error) {
          // Any failure, ours or the database's, is retried by the queue: a transaction that failed wrote nothing.
          summary.failedAttempts++;
          const message = messageOf(error);
          options.onProblem?.(job.documentId, message);
          await queue.fail(job.id, message);
        }
      }),
    );
    if (jobs.length > 0) continue;
    // The queue moves a job to the dead letters when its last retry fails; recording them here, in the store,
    // keeps a list that `truce worker --dead` shows without the queue (and that survives its retention).
    for (const dead of await queue.fetchDead(50)) {
      await deps.store.ingestion.recordDeadLetter({
        documentId: dead.documentId,
        error: dead.error,
        attempts: dead.attempts,
        failedAt: deps.now(),
      });
      await queue.completeDead(dead.id);
      summary.deadLetters++;
    }
    if (options.once && (await queue.pending()) === 0) break;
    await sleep(options.pollMs ?? 500, options.signal);
  }
  return summary;
}
