// `truce publish`: publishes what each agreement's publication policy makes due now, and signs the audit log.
import type { Command } from "commander";
import { publishDue } from "../../application/publication/publish-due.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { signedLine } from "../support/decisions.js";
import { requireExistingDb } from "../support/existing-store.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";

interface PublishOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
}

export function registerPublish(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("publish")
    .description(
      "publish the incidents each agreement's publication policy makes due (e.g. a day after the verdict), once each",
    )
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "apply this agreement's policy instead of every shipped agreement's")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .action(async (options: PublishOptions) => {
      requireExistingDb(options.db);
      await withSession(options, async (session) => {
        let total = 0;
        for (const agreement of session.agreements) {
          const { published, examined } = await publishDue(session.store, agreement, session.now());
          total += published.length;
          const policy = agreement.publication;
          const rule =
            policy.publish === "none"
              ? "publishes nothing"
              : `publishes ${policy.publish} after ${policy.delay}`;
          io.out(
            `${agreement.id} (${rule}): ${published.length} published of ${examined} unpublished examined\n`,
          );
          for (const id of published) io.out(`  published ${id}\n`);
        }
        if (total > 0) io.out(`${await signedLine(session)}\n`);
      });
      setExitCode(0);
    });
}
