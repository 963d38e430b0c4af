// The port of the ingestion queue: jobs name stored documents; failures retry, then become dead letters.

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retryLimit: number;
  /** Wait before the first retry; each later one waits twice as long as the one before. */
  readonly retryDelaySeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 10 };

export interface IngestJob {
  readonly id: string;
  readonly documentId: string;
}

export interface DeadJob {
  readonly id: string;
  readonly documentId: string;
  /** The last attempt's error, as the queue kept it. */
  readonly error: string;
  readonly attempts: number;
}

export interface IngestQueue {
  /** One job per document; a document already queued, and not yet finished, is not queued twice. */
  enqueue(documentIds: readonly string[], policy?: RetryPolicy): Promise<void>;
  /** Up to `count` jobs, each now held by this worker until completed or failed (or expired). */
  fetch(count: number): Promise<IngestJob[]>;
  complete(jobId: string): Promise<void>;
  /** Fails this attempt: the queue retries it later, or moves it to the dead letters after the last. */
  fail(jobId: string, message: string): Promise<void>;
  fetchDead(count: number): Promise<DeadJob[]>;
  completeDead(jobId: string): Promise<void>;
  /** Jobs waiting, retrying or being worked on, dead letters not yet recorded included. */
  pending(): Promise<number>;
  close(): Promise<void>;
}
