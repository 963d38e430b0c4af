// `truce split`: some reports of an incident are another event; they leave into a new one, for good.
import type { Command } from "commander";
import { resolveIncidentId } from "../../application/incident-view.js";
import { splitIncident } from "../../application/split-incident.js";
import { byOptionHelp, recorder, signedLine } from "../support/decisions.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";

interface SplitOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
  readonly reports: string;
  readonly by?: string;
}

export function registerSplit(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("split")
    .description("move some reports of an incident into a new incident")
    .argument("<incident>", "incident id (or its first 8 characters)")
    .requiredOption(
      "--reports <ids>",
      "the reports that leave, comma-separated (full ids or their first 8 characters)",
    )
    .option("--by <name>", byOptionHelp)
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "classify against this agreement file instead of the shipped ones")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .action(async (incidentId: string, options: SplitOptions) => {
      await withSession(options, async (session) => {
        const outcome = await splitIncident(session, {
          incidentId: await resolveIncidentId(session.store, incidentId),
          reportIds: options.reports.split(","),
          by: recorder(options.by),
        });
        const lines = [
          `incident ${outcome.kept.id} split: ${outcome.created.reportIds.length} report(s) moved to new incident ${outcome.created.id}, ${outcome.kept.reportIds.length} stay`,
          `${outcome.cannotLinks} cannot-link and ${outcome.mustLinks} must-link decision(s) recorded: correlation will keep the two apart`,
          await signedLine(session),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        setExitCode(0);
      });
    });
}
