// The guarantors' positions, the verdict the agreement's decision rule draws from them, and the accused's reply.

export type PositionKind = "violation" | "no_violation" | "insufficient_evidence";

export interface Position {
  readonly id: string;
  readonly incidentId: string;
  /** The guarantor (a canonical actor id such as RU, TR, IR, or a monitoring mission). */
  readonly guarantor: string;
  readonly position: PositionKind;
  /** The party held responsible, when the position is "violation". */
  readonly party: string | null;
  readonly rationale: string;
  readonly recordedBy: string;
  readonly at: string;
}

export interface Verdict {
  readonly id: string;
  readonly incidentId: string;
  readonly outcome: "violation" | "no_violation" | "undecided";
  readonly attributedParty: string | null;
  /** The decision rule applied ("unanimity", "majority", …) and the positions it counted. */
  readonly rule: string;
  readonly positionIds: readonly string[];
  /** A later decision supersedes an earlier one; nothing is edited or deleted. */
  readonly supersedes: string | null;
  /** Until when the accused party may reply. */
  readonly replyBy: string | null;
  readonly at: string;
}

export interface Reply {
  readonly id: string;
  readonly incidentId: string;
  readonly verdictId: string;
  readonly party: string;
  readonly text: string;
  readonly at: string;
}
