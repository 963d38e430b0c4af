// `truce incident ID`: everything about one incident — reports side by side, decisions, replies, audit entries.
import type { Command } from "commander";
import { incidentView, resolveIncidentId } from "../../application/incident-view.js";
import { TruceError } from "../../errors.js";
import { incidentViewText } from "../formats/incident-view.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { requireExistingDb } from "../support/existing-store.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface IncidentOptions {
  readonly db?: string;
  readonly format?: string;
}

export function registerIncident(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("incident")
    .description(
      "show one incident: its reports side by side, positions, verdicts, replies and audit entries",
    )
    .argument("<id>", "the incident's id, or the start of it as `truce incidents` prints it")
    .option("--db <db>", dbOptionHelp)
    .option("--format <format>", "text or json (default text)")
    .action(async (id: string, options: IncidentOptions) => {
      const format = (options.format ?? "text").trim().toLowerCase();
      if (format !== "text" && format !== "json") {
        throw new TruceError("TRUCE_E_USAGE", `--format "${options.format}" is not one of: text, json`);
      }
      requireExistingDb(options.db);
      await withSession(options, async (session) => {
        const fullId = await resolveIncidentId(session.store, id);
        const view = await incidentView(session.store, fullId);
        if (view === null) {
          // Only if the incident was removed (merged away) between the lookup and the read.
          throw new TruceError("TRUCE_E_INCIDENT_NOT_FOUND", `no incident ${JSON.stringify(id)} is stored`, {
            subject: id,
          });
        }
        io.out(format === "json" ? `${JSON.stringify(view, null, 2)}\n` : incidentViewText(view));
      });
      setExitCode(0);
    });
}
