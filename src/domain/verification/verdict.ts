// Verdicts over time: a new one only when the decision changes, superseding (never editing) the last; replies.
import { createHash } from "node:crypto";
import { TruceError } from "../../errors.js";
import type { Agreement } from "../agreement/schema.js";
import type { Verdict } from "../records/verification.js";
import type { Decision } from "./decide.js";
import { addDuration } from "./duration.js";

export interface NextVerdictOptions {
  /** The incident, when the decision has no positions to name it (else taken from the decision or the previous verdict). */
  readonly incidentId?: string;
  /** The new verdict's id; by default derived from its content, so recomputing the same decision yields the same id. */
  readonly id?: string;
}

/**
 * The verdict a decision calls for, or null when none is due: the outcome and the attributed party are
 * those of `previous` (a further position that does not change them is no new verdict), or there is no
 * verdict yet and the decision is undecided (no verdict already means undecided). A changed decision,
 * including one that falls back to undecided, makes a new verdict that supersedes `previous`; `previous`
 * itself is returned untouched. The accused party may reply until now + the agreement's reply deadline;
 * only a violation by an identified party has someone to reply.
 */
export function nextVerdict(
  previous: Verdict | null,
  decision: Decision,
  now: Date,
  agreement: Agreement,
  options: NextVerdictOptions = {},
): Verdict | null {
  const incidentId = options.incidentId ?? decision.incidentId ?? previous?.incidentId;
  if (incidentId === undefined) {
    throw new RangeError("the incident of the verdict is unknown: pass options.incidentId");
  }
  if (previous !== null && previous.incidentId !== incidentId) {
    throw new RangeError(`verdict ${previous.id} is on incident ${previous.incidentId}, not ${incidentId}`);
  }
  if (previous !== null && Date.parse(previous.at) > now.getTime()) {
    throw new RangeError(`verdict ${previous.id} was recorded at ${previous.at}, after ${now.toISOString()}`);
  }
  const unchanged =
    previous === null
      ? decision.outcome === "undecided"
      : previous.outcome === decision.outcome && previous.attributedParty === decision.attributedParty;
  if (unchanged) return null;

  const at = now.toISOString();
  const supersedes = previous?.id ?? null;
  const accused = decision.outcome === "violation" ? decision.attributedParty : null;
  const replyBy = accused === null ? null : addDuration(now, agreement.verdicts.replyDeadline).toISOString();
  const id =
    options.id ??
    `verdict-${createHash("sha256")
      .update(
        [incidentId, supersedes ?? "", decision.outcome, decision.attributedParty ?? "", at].join("\u0000"),
      )
      .digest("hex")
      .slice(0, 24)}`;
  return {
    id,
    incidentId,
    outcome: decision.outcome,
    attributedParty: decision.attributedParty,
    rule: decision.rule,
    positionIds: [...decision.counted],
    supersedes,
    replyBy,
    at,
  };
}

export type ReplyCheck =
  | { readonly allowed: true; readonly reason: string }
  | {
      readonly allowed: false;
      readonly why: "nothing_to_answer" | "not_the_accused" | "deadline_passed";
      readonly reason: string;
    };

/**
 * Whether `party` may reply to `verdict` at `now`: only the attributed party of a violation, and only
 * strictly before replyBy. The caller checks that the verdict is the incident's current one (a superseded
 * verdict is history; a reply belongs on the one in force).
 */
export function canReply(verdict: Verdict, party: string, now: Date): ReplyCheck {
  if (verdict.outcome !== "violation" || verdict.attributedParty === null || verdict.replyBy === null) {
    return {
      allowed: false,
      why: "nothing_to_answer",
      reason: `verdict ${verdict.id} attributes no violation to a party, so there is nothing to reply to`,
    };
  }
  if (party !== verdict.attributedParty) {
    return {
      allowed: false,
      why: "not_the_accused",
      reason: `only ${verdict.attributedParty}, the party held responsible, may reply to verdict ${verdict.id}; ${party} may not`,
    };
  }
  if (now.getTime() >= Date.parse(verdict.replyBy)) {
    return {
      allowed: false,
      why: "deadline_passed",
      reason: `the deadline to reply to verdict ${verdict.id} passed at ${verdict.replyBy} (now ${now.toISOString()})`,
    };
  }
  return { allowed: true, reason: `${party} may reply to verdict ${verdict.id} until ${verdict.replyBy}` };
}

/** canReply for commands: throws TRUCE_E_REPLY_REFUSED with the reason when the reply is not allowed. */
export function assertCanReply(verdict: Verdict, party: string, now: Date): void {
  const check = canReply(verdict, party, now);
  if (!check.allowed) throw new TruceError("TRUCE_E_REPLY_REFUSED", check.reason, { subject: verdict.id });
}
