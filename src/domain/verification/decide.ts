// The agreement's decision rule applied to the voters' latest positions on one incident.
//
// Every rule is a threshold of voters who must take the same position ("violation by X", or "no violation"):
//   unanimity — all voters;  majority — more than half of all voters (not of those who voted, so an
//   abstention or a missing voter counts against);  single — the one voter (Minsk: the OSCE SMM);
//   {quorum: n} — n voters (read as "n voters agreeing decide"; with n at most half the voters two
//   opposite outcomes can both reach it, which is undecided).
// "insufficient_evidence" is a position taken (the voter is not missing) that counts toward no outcome.
// A violation by an unidentified party (party null) is a position of its own, distinct from one naming a party.

import { TruceError } from "../../errors.js";
import type { Agreement, DecisionRule, Regime } from "../agreement/schema.js";
import { votersFor } from "../agreement/schema.js";
import type { Position } from "../records/verification.js";
import { latestBy } from "./independence.js";

export type Outcome = "violation" | "no_violation" | "undecided";

export interface Decision {
  readonly incidentId: string | null;
  readonly outcome: Outcome;
  /** The party held responsible when the outcome is a violation by an identified party. */
  readonly attributedParty: string | null;
  /** The rule applied, as recorded on a verdict: "unanimity", "majority", "single", "quorum:2". */
  readonly rule: string;
  /** Ids of the positions counted: each voter's latest, in the order of the voters. */
  readonly counted: readonly string[];
  /** Voters who have not taken a position yet, in the order of the voters. */
  readonly missing: readonly string[];
  readonly reason: string;
}

export const ruleName = (rule: DecisionRule): string =>
  typeof rule === "string" ? rule : `quorum:${rule.quorum}`;

/** Each position's ballot: what it is a vote for. */
const ballotOf = (p: Position): string =>
  p.position === "violation" ? `violation by ${p.party ?? "an unidentified party"}` : p.position;

/**
 * Decides an incident from the positions recorded on it. Throws TRUCE_E_NOT_A_VOTER for a position by
 * anyone but the voters (`votersFor`), and TRUCE_E_POSITION_INVALID for positions on several incidents or
 * a party named on a position that is not "violation".
 */
export function decide(agreement: Agreement, regime: Regime, positions: readonly Position[]): Decision {
  const voters = votersFor(agreement, regime);
  const rule = agreement.verdicts.rule;
  const name = ruleName(rule);
  const incidentIds = [...new Set(positions.map((p) => p.incidentId))];
  if (incidentIds.length > 1) {
    throw new TruceError(
      "TRUCE_E_POSITION_INVALID",
      `positions on several incidents (${incidentIds.join(", ")}) cannot be decided together`,
    );
  }
  for (const p of positions) {
    if (!voters.includes(p.guarantor)) {
      throw new TruceError(
        "TRUCE_E_NOT_A_VOTER",
        `${p.guarantor} is not a voter under ${agreement.id} (${regime.id}); the voters are ${voters.join(", ")} (position ${p.id})`,
        { subject: p.guarantor },
      );
    }
    if (p.position !== "violation" && p.party !== null) {
      throw new TruceError(
        "TRUCE_E_POSITION_INVALID",
        `position ${p.id} names ${p.party} as responsible but is "${p.position}"; only a violation names a party`,
        { subject: p.id },
      );
    }
  }

  const latest: Position[] = [];
  const missing: string[] = [];
  for (const voter of voters) {
    const last = latestBy(
      positions.filter((p) => p.guarantor === voter),
      (p) => p.at,
    );
    if (last === undefined) missing.push(voter);
    else latest.push(last);
  }
  const base = { incidentId: incidentIds[0] ?? null, rule: name, counted: latest.map((p) => p.id), missing };
  const undecided = (reason: string): Decision => ({
    ...base,
    outcome: "undecided",
    attributedParty: null,
    reason,
  });

  const needed = threshold(rule, voters.length);
  if (needed > voters.length) {
    return undecided(`${name} needs ${needed} voters but only ${voters.length} vote (${voters.join(", ")})`);
  }

  const tally = new Map<string, Position[]>();
  for (const p of latest) {
    if (p.position === "insufficient_evidence") continue;
    const key = ballotOf(p);
    tally.set(key, [...(tally.get(key) ?? []), p]);
  }
  const summary = latest.map((p) => `${p.guarantor}: ${ballotOf(p)}`).join("; ");
  const winners = [...tally.entries()].filter(([, ps]) => ps.length >= needed);

  if (winners.length > 1) {
    return undecided(`${name}: opposite positions each reach ${needed} (${summary})`);
  }
  const winner = winners[0];
  if (winner !== undefined) {
    const [ballot, ps] = winner;
    const first = ps[0];
    const outcome = first?.position === "violation" ? "violation" : "no_violation";
    return {
      ...base,
      outcome,
      attributedParty: outcome === "violation" ? (first?.party ?? null) : null,
      reason: `${name}: ${ps.length} of ${voters.length} voters find ${ballot} (${summary})`,
    };
  }

  const best = Math.max(0, ...[...tally.values()].map((ps) => ps.length));
  const waiting = missing.length > 0 ? `waiting for ${missing.join(", ")}` : "";
  if (best + missing.length >= needed && missing.length > 0) {
    return undecided(`${name}: ${waiting}${summary === "" ? "" : ` (so far ${summary})`}`);
  }
  const why =
    rule === "unanimity"
      ? "the voters are not unanimous"
      : `no position has ${needed} of ${voters.length} voters`;
  return undecided(
    `${name}: ${why}${missing.length > 0 ? `, even if ${missing.join(", ")} join` : ""} (${summary})`,
  );
}

/** How many voters must share a position for it to decide. */
function threshold(rule: DecisionRule, voters: number): number {
  if (rule === "unanimity") return voters;
  if (rule === "majority") return Math.floor(voters / 2) + 1;
  if (rule === "single") {
    // The schema allows "single" only with one voter; a regime's guarantors could still number more.
    if (voters !== 1) throw new RangeError(`rule single needs exactly one voter, not ${voters}`);
    return 1;
  }
  return rule.quorum;
}
