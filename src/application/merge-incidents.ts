// The merge use case: a human says two incidents are one event; B's reports join A and B ceases to exist.
import type { Agreement } from "../domain/agreement/schema.js";
import { merge } from "../domain/correlation/decisions.js";
import type { Incident } from "../domain/records/incident.js";
import { isTruceError, TruceError } from "../errors.js";
import type { Repositories, Store } from "../ports/store.js";
import { recordAudit } from "./audit-trail.js";
import { requireIncident } from "./incident-lookup.js";
import { summariseIncident } from "./summarise-incident.js";

export interface MergeInput {
  /** The incident that keeps its id. */
  readonly into: string;
  /** The incident absorbed. */
  readonly from: string;
  readonly by: string;
}

export interface MergeDeps {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly now: () => string;
}

export interface MergeOutcome {
  readonly incident: Incident;
  readonly retired: string;
  /** The reports that came over from the retired incident. */
  readonly moved: readonly string[];
  /** How many must-link decisions were recorded (one per pair across the two). */
  readonly constraints: number;
}

/** Refuses merging away an incident the guarantors have judged: its positions and verdicts must keep their subject. */
async function refuseIfJudged(tx: Repositories, from: Incident, into: Incident): Promise<void> {
  const positions = (await tx.positions.byIncident(from.id)).length;
  const verdicts = (await tx.verdicts.byIncident(from.id)).length;
  if (positions === 0 && verdicts === 0) return;
  const intoJudged =
    (await tx.positions.byIncident(into.id)).length > 0 || (await tx.verdicts.byIncident(into.id)).length > 0;
  throw new TruceError(
    "TRUCE_E_MERGE_REFUSED",
    `incident ${from.id} has ${positions} position(s) and ${verdicts} verdict(s): an incident the guarantors have judged is not merged away` +
      (intoJudged ? "" : `; merge the other way (truce merge ${from.id} ${into.id}) to keep it`),
    { subject: from.id },
  );
}

/**
 * Moves every report of `from` into `into`, records a must-link for every pair across the two (so that no later
 * ingestion splits them again), recomputes the merged incident and removes `from`, with one audit entry, in one
 * transaction.
 */
export async function mergeIncidents(deps: MergeDeps, input: MergeInput): Promise<MergeOutcome> {
  if (input.into === input.from) {
    throw new TruceError("TRUCE_E_MERGE_REFUSED", `cannot merge incident ${input.into} with itself`, {
      subject: input.into,
    });
  }
  const now = deps.now();
  return deps.store.transaction(async (tx) => {
    const into = await requireIncident(tx, input.into);
    const from = await requireIncident(tx, input.from);
    // Checked before writing: on PostgreSQL a refused delete would abort the transaction mid-way.
    await refuseIfJudged(tx, from, into);
    const result = merge(into, from, { by: input.by, at: now });
    for (const constraint of result.constraints) await tx.linkConstraints.add(constraint);
    const reports = await tx.reports.byIds(result.incident.reportIds);
    const merged = summariseIncident(into.id, reports, deps.agreements, into, now);
    await tx.incidents.upsert([merged]);
    try {
      await tx.incidents.remove(from.id);
    } catch (error) {
      if (isTruceError(error) && error.code === "TRUCE_E_STORE_REFERENCE") {
        throw new TruceError(
          "TRUCE_E_MERGE_REFUSED",
          `incident ${from.id} is referred to by positions or verdicts: decided incidents are not merged`,
          { subject: from.id, cause: error },
        );
      }
      throw error;
    }
    const moved = from.reportIds.filter((id) => !into.reportIds.includes(id));
    await recordAudit(
      tx,
      "incident_merged",
      into.id,
      {
        incident: into.id,
        retired: from.id,
        reports: [...merged.reportIds],
        moved,
        mustLinks: result.constraints.length,
        decidedBy: input.by,
      },
      now,
    );
    return { incident: merged, retired: from.id, moved, constraints: result.constraints.length };
  });
}
