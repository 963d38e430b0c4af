// The split use case: a human says some reports of an incident are another event; they leave into a new incident.
import { randomUUID } from "node:crypto";
import type { Agreement } from "../domain/agreement/schema.js";
import { split } from "../domain/correlation/decisions.js";
import { freshStanding, type Incident } from "../domain/records/incident.js";
import { TruceError } from "../errors.js";
import type { Store } from "../ports/store.js";
import { recordAudit } from "./audit-trail.js";
import { requireIncident } from "./incident-lookup.js";
import { summariseIncident } from "./summarise-incident.js";

export interface SplitInput {
  readonly incidentId: string;
  /** The reports that leave (full ids or unambiguous starts of them); the rest stay under the incident's id (with its positions and verdicts). */
  readonly reportIds: readonly string[];
  readonly by: string;
}

export interface SplitDeps {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly now: () => string;
}

export interface SplitOutcome {
  readonly kept: Incident;
  readonly created: Incident;
  readonly cannotLinks: number;
  readonly mustLinks: number;
}

function refuse(incidentId: string, why: string): never {
  throw new TruceError("TRUCE_E_SPLIT_REFUSED", `cannot split incident ${incidentId}: ${why}`, {
    subject: incidentId,
  });
}

/**
 * The report of the incident `id` names: its full id, or the start of exactly one of its ids (views print
 * eight characters); null when none or several match.
 */
function reportNamed(incident: Incident, id: string): string | null {
  if (incident.reportIds.includes(id)) return id;
  if (id.length < 4) return null;
  const matches = incident.reportIds.filter((r) => r.startsWith(id.toLowerCase()));
  return matches.length === 1 ? (matches[0] as string) : null;
}

/**
 * Moves the listed reports into a new incident, records a cannot-link for every pair across the cut (and a
 * must-link among the moved reports, which leave together), recomputes both incidents, with one audit entry,
 * in one transaction. The positions and verdicts stay with the incident that keeps its id.
 */
export async function splitIncident(deps: SplitDeps, input: SplitInput): Promise<SplitOutcome> {
  const leaving = [...new Set(input.reportIds.map((id) => id.trim()).filter((id) => id !== ""))];
  if (leaving.length === 0) refuse(input.incidentId, "name the reports that leave it (--reports R1,R2)");
  const now = deps.now();
  return deps.store.transaction(async (tx) => {
    const incident = await requireIncident(tx, input.incidentId);
    const strangers: string[] = [];
    const moving = new Set<string>();
    for (const id of leaving) {
      const found = reportNamed(incident, id);
      if (found === null) strangers.push(id);
      else moving.add(found);
    }
    if (strangers.length > 0) {
      refuse(
        incident.id,
        `${strangers.join(", ")} ${strangers.length === 1 ? "is" : "are"} not among its reports (${incident.reportIds.join(", ")})`,
      );
    }
    if (moving.size === incident.reportIds.length) {
      refuse(incident.id, "every one of its reports would leave; at least one must stay");
    }
    const result = split(incident, [...moving], randomUUID(), { by: input.by, at: now });
    for (const constraint of result.constraints) await tx.linkConstraints.add(constraint);
    const keptReports = await tx.reports.byIds(result.kept.reportIds);
    const movedReports = await tx.reports.byIds(result.moved.reportIds);
    const kept = summariseIncident(incident.id, keptReports, deps.agreements, incident, now);
    const created = summariseIncident(result.moved.id, movedReports, deps.agreements, freshStanding, now);
    await tx.incidents.upsert([kept, created]);
    const cannotLinks = result.constraints.filter((c) => c.kind === "cannot_link").length;
    const mustLinks = result.constraints.length - cannotLinks;
    await recordAudit(
      tx,
      "incident_split",
      incident.id,
      {
        incident: incident.id,
        created: created.id,
        kept: [...kept.reportIds],
        moved: [...created.reportIds],
        cannotLinks,
        mustLinks,
        decidedBy: input.by,
      },
      now,
    );
    return { kept, created, cannotLinks, mustLinks };
  });
}
