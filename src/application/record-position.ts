// The position use case: a guarantor's position on an incident, the decision it leads to, and the verdict if any.
import { randomUUID } from "node:crypto";
import type { Agreement, Regime } from "../domain/agreement/schema.js";
import type { IncidentStatus } from "../domain/records/incident.js";
import type { Position, PositionKind, Verdict } from "../domain/records/verification.js";
import { type Decision, decide, nextVerdict } from "../domain/verification/index.js";
import { TruceError } from "../errors.js";
import type { Store } from "../ports/store.js";
import { recordAudit } from "./audit-trail.js";
import { regimeOfIncident, requireIncident } from "./incident-lookup.js";

const positionKinds: readonly PositionKind[] = ["violation", "no_violation", "insufficient_evidence"];

/** Reads a position kind from user input (`no-violation` is accepted for `no_violation`). */
export function parsePositionKind(text: string): PositionKind {
  const kind = positionKinds.find((k) => k === text.trim().toLowerCase().replaceAll("-", "_"));
  if (kind === undefined) {
    throw new TruceError(
      "TRUCE_E_POSITION_INVALID",
      `"${text}" is not a position: give one of ${positionKinds.join(", ")}`,
    );
  }
  return kind;
}

export interface PositionInput {
  readonly incidentId: string;
  readonly guarantor: string;
  readonly position: PositionKind;
  /** The party held responsible: required for a violation, refused otherwise. */
  readonly party: string | null;
  readonly rationale: string;
  /** The person who recorded it on the guarantor's behalf. */
  readonly by: string;
}

export interface PositionDeps {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly now: () => string;
}

export interface PositionOutcome {
  readonly position: Position;
  readonly agreement: Agreement;
  readonly regime: Regime;
  readonly decision: Decision;
  /** The positions the decision counted: each voter's latest, in the order of the voters. */
  readonly counted: readonly Position[];
  /** The verdict this position brought about, or null when the decision did not change. */
  readonly newVerdict: Verdict | null;
  /** The verdict in force after this position (the new one, else the one before); null before any. */
  readonly verdict: Verdict | null;
  /** The accused party, told it may reply until `replyBy`, when the new verdict attributes a violation. */
  readonly notified: { readonly party: string; readonly replyBy: string } | null;
  readonly status: IncidentStatus;
}

function checkInput(input: PositionInput): void {
  const bad = (why: string): never => {
    throw new TruceError("TRUCE_E_POSITION_INVALID", why, { subject: input.incidentId });
  };
  if (input.guarantor.trim() === "") bad("the guarantor is empty");
  if (input.rationale.trim() === "") bad("a position needs a rationale: say what it rests on");
  if (input.position === "violation" && (input.party === null || input.party.trim() === "")) {
    bad("a violation position must name the party held responsible (--party, e.g. SY-GOV)");
  }
  if (input.position !== "violation" && input.party !== null) {
    bad(`a position of "${input.position}" names no party; give --party only with "violation"`);
  }
}

/**
 * Records the position and what follows from it, all in one transaction: the position, the decision rule over
 * every voter's latest position, a verdict when the decision changed (superseding, never editing, the one
 * before), the notification of an accused party, the incident's status and one audit entry for each. A
 * refused position (not a voter, missing party, unknown incident) leaves the store exactly as it was.
 */
export async function recordPosition(deps: PositionDeps, input: PositionInput): Promise<PositionOutcome> {
  checkInput(input);
  return deps.store.transaction(async (tx) => {
    // Read once the transaction holds the store, so no verdict committed meanwhile can be later than it.
    const now = deps.now();
    const incident = await requireIncident(tx, input.incidentId);
    const { agreement, regime } = await regimeOfIncident(tx, incident, deps.agreements);
    const position: Position = {
      id: randomUUID(),
      incidentId: incident.id,
      guarantor: input.guarantor.trim(),
      position: input.position,
      party: input.party?.trim() ?? null,
      rationale: input.rationale.trim(),
      recordedBy: input.by,
      at: now,
    };
    // Decided before anything is written: decide refuses a non-voter, and nothing must be appended for one.
    const positions = [...(await tx.positions.byIncident(incident.id)), position];
    const decision = decide(agreement, regime, positions);
    const counted = decision.counted.flatMap((id) => positions.filter((p) => p.id === id));
    const previous = await tx.verdicts.latest(incident.id);
    if (previous !== null && previous.at > now) {
      throw new TruceError(
        "TRUCE_E_STORE_CONFLICT",
        `verdict ${previous.id} on incident ${incident.id} was recorded at ${previous.at}, after now (${now}): check this machine's clock`,
        { subject: previous.id },
      );
    }
    const newVerdict = nextVerdict(previous, decision, new Date(now), agreement, { incidentId: incident.id });

    await tx.positions.append(position);
    await recordAudit(
      tx,
      "position_recorded",
      position.id,
      {
        incident: incident.id,
        guarantor: position.guarantor,
        position: position.position,
        party: position.party,
        rationale: position.rationale,
        recordedBy: position.recordedBy,
        agreement: agreement.id,
        regime: regime.id,
      },
      now,
    );

    let notified: PositionOutcome["notified"] = null;
    if (newVerdict !== null) {
      await tx.verdicts.append(newVerdict);
      await recordAudit(
        tx,
        "verdict_recorded",
        newVerdict.id,
        {
          incident: incident.id,
          outcome: newVerdict.outcome,
          attributedParty: newVerdict.attributedParty,
          rule: newVerdict.rule,
          positions: [...newVerdict.positionIds],
          missing: [...decision.missing],
          supersedes: newVerdict.supersedes,
          replyBy: newVerdict.replyBy,
          reason: decision.reason,
        },
        now,
      );
      if (newVerdict.attributedParty !== null && newVerdict.replyBy !== null) {
        notified = { party: newVerdict.attributedParty, replyBy: newVerdict.replyBy };
        await recordAudit(
          tx,
          "party_notified",
          newVerdict.id,
          { incident: incident.id, verdict: newVerdict.id, party: notified.party, replyBy: notified.replyBy },
          now,
        );
      }
    }

    const verdict = newVerdict ?? previous;
    // The status follows the verdict in force; a first position on an open incident starts the wait for the rest.
    const status: IncidentStatus =
      newVerdict !== null
        ? newVerdict.outcome === "undecided"
          ? "awaiting_positions"
          : "decided"
        : incident.status === "open"
          ? "awaiting_positions"
          : incident.status;
    // The accused is the verdict in force's attribution: a later verdict of no violation clears it.
    const accused = verdict?.outcome === "violation" ? verdict.attributedParty : null;
    await tx.incidents.upsert([{ ...incident, status, accused, updatedAt: now }]);
    return { position, agreement, regime, decision, counted, newVerdict, verdict, notified, status };
  });
}
