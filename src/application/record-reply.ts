// The reply use case: the accused party answers the verdict in force on an incident, before its deadline.
import { randomUUID } from "node:crypto";
import type { Reply, Verdict } from "../domain/records/verification.js";
import { canReply } from "../domain/verification/index.js";
import { TruceError } from "../errors.js";
import type { Store } from "../ports/store.js";
import { recordAudit } from "./audit-trail.js";
import { requireIncident } from "./incident-lookup.js";

export interface ReplyInput {
  readonly incidentId: string;
  readonly party: string;
  readonly text: string;
}

export interface ReplyDeps {
  readonly store: Store;
  readonly now: () => string;
}

export interface ReplyOutcome {
  readonly reply: Reply;
  readonly verdict: Verdict;
}

/**
 * Appends the reply and its audit entry in one transaction. Only the verdict in force counts: a superseded
 * verdict is history, and a reply must answer what the guarantors hold now. Each refusal says why and, when a
 * reply is possible at all, who may give it and until when.
 */
export async function recordReply(deps: ReplyDeps, input: ReplyInput): Promise<ReplyOutcome> {
  const text = input.text.trim();
  const party = input.party.trim();
  if (text === "")
    throw new TruceError("TRUCE_E_USAGE", "the reply is empty: give its text with --text or --file");
  if (party === "") throw new TruceError("TRUCE_E_USAGE", "say which party replies (--party, e.g. SY-GOV)");
  return deps.store.transaction(async (tx) => {
    // Read once the transaction holds the store: the deadline is judged against the moment of recording.
    const now = deps.now();
    const incident = await requireIncident(tx, input.incidentId);
    const verdict = await tx.verdicts.latest(incident.id);
    if (verdict === null) {
      throw new TruceError(
        "TRUCE_E_REPLY_REFUSED",
        `incident ${incident.id} has no verdict yet, so there is nothing to reply to`,
        { subject: incident.id },
      );
    }
    const check = canReply(verdict, party, new Date(now));
    if (!check.allowed) {
      const window =
        check.why === "not_the_accused" &&
        verdict.replyBy !== null &&
        Date.parse(verdict.replyBy) > Date.parse(now)
          ? ` (${verdict.attributedParty} may reply until ${verdict.replyBy})`
          : "";
      throw new TruceError("TRUCE_E_REPLY_REFUSED", `${check.reason}${window}`, { subject: verdict.id });
    }
    const reply: Reply = {
      id: randomUUID(),
      incidentId: incident.id,
      verdictId: verdict.id,
      party,
      text,
      at: now,
    };
    await tx.replies.append(reply);
    await recordAudit(
      tx,
      "reply_recorded",
      reply.id,
      { incident: incident.id, verdict: verdict.id, party, text },
      now,
    );
    // The reply stays on the incident: lists sorted by last change should show it.
    await tx.incidents.upsert([{ ...incident, updatedAt: now }]);
    return { reply, verdict };
  });
}
