// `truce ingest`: stores files, folders, web pages and feeds, reads them and links their reports into incidents.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { feedSource } from "../../adapters/sources/feed-source.js";
import { fileSource } from "../../adapters/sources/file-source.js";
import { urlSource } from "../../adapters/sources/url-source.js";
import { checkpointNow } from "../../application/audit-trail.js";
import { type IngestSummary, ingest } from "../../application/ingest.js";
import type { DocumentSource } from "../../ports/document-source.js";
import type { Store } from "../../ports/store.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";
import { queueIngest } from "./ingest-queue.js";

interface IngestOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
  readonly progress: boolean;
  readonly queue?: boolean;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isFeedFile = (s: string) => /\.(rss|atom|xml)$/i.test(s);

function sourcesFor(inputs: readonly string[], store: Store): DocumentSource[] {
  const seen = async (feed: string, itemId: string) =>
    (await store.feeds.readItems(feed, [itemId])).has(itemId);
  const files = inputs.filter((i) => !isUrl(i) && !isFeedFile(i));
  return [
    ...(files.length ? [fileSource(files)] : []),
    ...inputs.filter(isFeedFile).map((f) => feedSource(f, seen)),
    ...inputs.filter(isUrl).map((u) => urlSource(u, seen)),
  ];
}

export function describeSummary(s: IngestSummary): string {
  return [
    `documents: ${s.documentsNew} new, ${s.documentsDuplicate} already stored, ${s.documentsFailed} refused`,
    `reports: ${s.reports}`,
    `incidents: ${s.incidentsCreated} created, ${s.incidentsUpdated} updated`,
  ].join("\n");
}

export function registerIngest(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("ingest")
    .description(
      "store and read documents: files, folders, web pages (URLs) and RSS/Atom feeds (URLs or .rss/.atom/.xml files)",
    )
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "classify against this agreement file instead of the shipped ones")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .option("--no-progress", "no progress bar")
    .option("--queue", "PostgreSQL: store the documents and queue them for `truce worker`, then return")
    .argument("<inputs...>", "files, folders, URLs or feeds")
    .action(async (inputs: string[], options: IngestOptions) => {
      if (options.queue) return queueIngest(options, (store) => sourcesFor(inputs, store), setExitCode);
      await withSession(options, async (session) => {
        const bar =
          options.progress && process.stderr.isTTY
            ? new SingleBar({
                format: "ingesting {value} documents | {new} new, {failed} refused",
                stream: process.stderr,
              })
            : null;
        bar?.start(0, 0, { new: 0, failed: 0 });
        let count = 0;
        const summary = await ingest(sourcesFor(inputs, session.store), {
          store: session.store,
          extraction: await session.extraction(),
          agreements: session.agreements,
          now: session.now,
          onProblem: (_origin, error) => {
            bar?.stop();
            process.stderr.write(`truce: ${error.message} [${error.code}]\n`);
            bar?.start(0, count);
          },
          onItem: (s) => {
            count++;
            bar?.setTotal(count);
            bar?.update(count, { new: s.documentsNew, failed: s.documentsFailed });
          },
        });
        bar?.stop();
        const checkpoint = await checkpointNow(session.store, session.auditKey(), session.now());
        process.stdout.write(
          `${describeSummary(summary)}\naudit log: ${checkpoint.treeSize} entries, checkpoint signed by key ${checkpoint.keyId}\n`,
        );
        setExitCode(summary.documentsFailed > 0 ? 1 : 0);
      });
    });
}
