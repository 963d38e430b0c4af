// `truce reply`: the accused party's answer to the verdict in force on an incident, before the deadline.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { resolveIncidentId } from "../../application/incident-view.js";
import { recordReply } from "../../application/record-reply.js";
import { TruceError } from "../../errors.js";
import { signedLine } from "../support/decisions.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";

interface ReplyOptions {
  readonly db?: string;
  readonly auditKey?: string;
  readonly party: string;
  readonly text?: string;
  readonly file?: string;
}

async function replyText(options: ReplyOptions): Promise<string> {
  if ((options.text === undefined) === (options.file === undefined)) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      "give the reply either with --text or with --file, not both or neither",
    );
  }
  if (options.text !== undefined) return options.text;
  const file = options.file as string;
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new TruceError(
      missing ? "TRUCE_E_FILE_NOT_FOUND" : "TRUCE_E_FILE_UNREADABLE",
      `${file}: ${missing ? "no such file" : String(cause)}`,
      { subject: file, cause },
    );
  }
}

export function registerReply(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("reply")
    .description("record the accused party's reply to the verdict on an incident (before the reply deadline)")
    .argument("<incident>", "incident id (or its first 8 characters)")
    .requiredOption("--party <id>", "the party replying: the one the verdict holds responsible")
    .option("--text <text>", "the reply")
    .option("--file <file>", "read the reply from this file")
    .option("--db <db>", dbOptionHelp)
    .option("--audit-key <file>", auditKeyOptionHelp)
    .action(async (incidentId: string, options: ReplyOptions) => {
      const text = await replyText(options);
      await withSession(options, async (session) => {
        const { reply, verdict } = await recordReply(session, {
          incidentId: await resolveIncidentId(session.store, incidentId),
          party: options.party,
          text,
        });
        process.stdout.write(
          `reply ${reply.id} by ${reply.party} recorded on incident ${reply.incidentId}, answering verdict ${verdict.id} (${verdict.outcome} by ${verdict.attributedParty}; replies accepted until ${verdict.replyBy})\n${await signedLine(session)}\n`,
        );
        setExitCode(0);
      });
    });
}
