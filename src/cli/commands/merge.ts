// `truce merge`: two incidents are one event; the second's reports join the first, which the machine will not undo.
import type { Command } from "commander";
import { resolveIncidentId } from "../../application/incident-view.js";
import { mergeIncidents } from "../../application/merge-incidents.js";
import { byOptionHelp, recorder, signedLine } from "../support/decisions.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";

interface MergeOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
  readonly by?: string;
}

export function registerMerge(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("merge")
    .description("merge incident B into incident A: B's reports join A and B is removed")
    .argument("<a>", "the incident that stays")
    .argument("<b>", "the incident merged into it")
    .option("--by <name>", byOptionHelp)
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "classify against this agreement file instead of the shipped ones")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .action(async (a: string, b: string, options: MergeOptions) => {
      await withSession(options, async (session) => {
        const outcome = await mergeIncidents(session, {
          into: await resolveIncidentId(session.store, a),
          from: await resolveIncidentId(session.store, b),
          by: recorder(options.by),
        });
        const lines = [
          `incident ${outcome.retired} merged into ${outcome.incident.id}: ${outcome.moved.length} report(s) moved, ${outcome.incident.reportIds.length} in all`,
          `${outcome.constraints} must-link decision(s) recorded: correlation will keep these reports together`,
          `now: ${outcome.incident.location} ${outcome.incident.date ?? "(undated)"}, ${outcome.incident.grade}, ${outcome.incident.classification}`,
          await signedLine(session),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        setExitCode(0);
      });
    });
}
