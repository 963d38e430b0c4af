// `truce worker`: reads documents queued by `truce ingest --queue` (PostgreSQL), any number of workers at once.
import type { Command } from "commander";
import { openIngestQueue } from "../../adapters/queue/pg-boss-queue.js";
import { engineOf } from "../../adapters/store/open-store.js";
import { runWorker } from "../../application/ingest-worker.js";
import { resolveDbSpec } from "../../config.js";
import { TruceError } from "../../errors.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface WorkerCliOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly concurrency: string;
  readonly once?: boolean;
  readonly dead?: boolean;
}

/** The queue lives in PostgreSQL: with SQLite there is nothing to work on, ingestion runs in `truce ingest`. */
export function requirePostgres(spec: string, command: string): void {
  if (engineOf(spec) !== "postgres")
    throw new TruceError(
      "TRUCE_E_USAGE",
      `${command} needs a postgres:// database (--db or $TRUCE_DB): the queue is kept in PostgreSQL. With SQLite, ingestion runs in process: use \`truce ingest\` without --queue.`,
    );
}

export function registerWorker(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("worker")
    .description("read the documents queued by `truce ingest --queue` (PostgreSQL only)")
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "classify against this agreement file instead of the shipped ones")
    .option("--concurrency <n>", "documents worked on at once", "2")
    .option("--once", "work until nothing is queued or retrying, then exit (for tests and cron)")
    .option("--dead", "list the documents that failed every attempt, and exit")
    .action(async (options: WorkerCliOptions) => {
      const spec = resolveDbSpec(options.db);
      requirePostgres(spec, "truce worker");
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new TruceError("TRUCE_E_USAGE", "--concurrency must be a whole number from 1 to 64");
      await withSession(options, async (session) => {
        if (options.dead) {
          const letters = await session.store.ingestion.deadLetters();
          for (const l of letters)
            process.stdout.write(`${l.documentId}\t${l.attempts} attempts\t${l.failedAt}\t${l.error}\n`);
          process.stderr.write(`${letters.length} dead letter${letters.length === 1 ? "" : "s"}\n`);
          setExitCode(0);
          return;
        }
        const queue = await openIngestQueue(spec, { supervise: true });
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        try {
          const summary = await runWorker(
            {
              queue,
              concurrency,
              once: options.once === true,
              signal: stop.signal,
              onProblem: (documentId, message) =>
                process.stderr.write(`truce: document ${documentId}: ${message}\n`),
            },
            {
              store: session.store,
              extraction: await session.extraction(),
              agreements: session.agreements,
              now: session.now,
            },
          );
          process.stdout.write(
            `documents: ${summary.read} read, ${summary.alreadyRead} already read, ${summary.failedAttempts} failed attempts, ${summary.deadLetters} dead letters\nreports: ${summary.reports}\n`,
          );
          setExitCode(0);
        } finally {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
          await queue.close();
        }
      });
    });
}
