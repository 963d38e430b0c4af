// `truce position`: a guarantor's position on an incident, and the verdict the agreement's rule draws from it.
import type { Command } from "commander";
import { resolveIncidentId } from "../../application/incident-view.js";
import {
  type PositionOutcome,
  parsePositionKind,
  recordPosition,
} from "../../application/record-position.js";
import type { Position } from "../../domain/records/verification.js";
import { byOptionHelp, recorder, signedLine } from "../support/decisions.js";
import { auditKeyOptionHelp, dbOptionHelp, withSession } from "../support/session.js";

interface PositionOptions {
  readonly db?: string;
  readonly agreement?: string;
  readonly auditKey?: string;
  readonly guarantor: string;
  readonly position: string;
  readonly party?: string;
  readonly rationale: string;
  readonly by?: string;
}

const ballot = (p: Position): string => (p.position === "violation" ? `violation by ${p.party}` : p.position);

export function describePosition(o: PositionOutcome): string {
  const v = o.verdict;
  const verdict =
    v === null
      ? "none yet (undecided)"
      : `${v.outcome}${v.attributedParty === null ? "" : ` by ${v.attributedParty}`} (${v.id}${o.newVerdict === null ? ", unchanged" : v.supersedes === null ? ", new" : `, new, supersedes ${v.supersedes}`})`;
  return [
    `position ${o.position.id} recorded on incident ${o.position.incidentId}: ${o.position.guarantor} finds ${ballot(o.position)}`,
    `agreement: ${o.agreement.id} (${o.regime.id}), rule ${o.decision.rule}`,
    `counted: ${o.counted.map((p) => `${p.guarantor} ${ballot(p)}`).join("; ") || "none"}`,
    `missing voters: ${o.decision.missing.join(", ") || "none"}`,
    `decision: ${o.decision.reason}`,
    `verdict: ${verdict}`,
    ...(o.notified === null ? [] : [`notified: ${o.notified.party} may reply until ${o.notified.replyBy}`]),
    `status: ${o.status}`,
  ].join("\n");
}

export function registerPosition(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("position")
    .description(
      "record a guarantor's position on an incident; the agreement's decision rule may then reach a verdict",
    )
    .argument("<incident>", "incident id (or its first 8 characters)")
    .requiredOption(
      "--guarantor <id>",
      "the guarantor taking the position (a voter of the agreement, e.g. RU)",
    )
    .requiredOption("--position <kind>", "violation, no_violation or insufficient_evidence")
    .option("--party <id>", "the party held responsible (required exactly when the position is violation)")
    .requiredOption("--rationale <text>", "what the position rests on")
    .option("--by <name>", byOptionHelp)
    .option("--db <db>", dbOptionHelp)
    .option("--agreement <file>", "judge under this agreement file instead of the shipped ones")
    .option("--audit-key <file>", auditKeyOptionHelp)
    .action(async (incidentId: string, options: PositionOptions) => {
      await withSession(options, async (session) => {
        const outcome = await recordPosition(session, {
          incidentId: await resolveIncidentId(session.store, incidentId),
          guarantor: options.guarantor,
          position: parsePositionKind(options.position),
          party: options.party ?? null,
          rationale: options.rationale,
          by: recorder(options.by),
        });
        process.stdout.write(`${describePosition(outcome)}\n${await signedLine(session)}\n`);
        setExitCode(0);
      });
    });
}
