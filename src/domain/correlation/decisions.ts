// Merge and split as pure operations: the new grouping of reports and the link constraints it implies.
import type { LinkConstraint } from "../records/incident.js";

export interface IncidentReports {
  readonly id: string;
  readonly reportIds: readonly string[];
}

export interface Decider {
  /** The user who decided. */
  readonly by: string;
  /** When (ISO 8601). */
  readonly at: string;
}

export interface MergeResult {
  /** The incident that keeps its id (A) and now holds every report of both. */
  readonly incident: IncidentReports;
  /** The incident that ceases to exist (B). */
  readonly retired: string;
  /** must_link for every pair across A and B: each pair is a decision of its own, replacing any earlier one. */
  readonly constraints: LinkConstraint[];
}

export interface SplitResult {
  readonly kept: IncidentReports;
  /** The moved reports, under the new id given. */
  readonly moved: IncidentReports;
  /** cannot_link for every pair across the two parts, must_link along the moved part. */
  readonly constraints: LinkConstraint[];
}

/**
 * A human says incidents A and B are one event. Every cross pair becomes a must-link, so an earlier
 * cannot-link between them is replaced rather than left to contradict the merge.
 */
export function merge(a: IncidentReports, b: IncidentReports, who: Decider): MergeResult {
  if (a.id === b.id) throw new RangeError(`cannot merge incident ${a.id} with itself`);
  const constraints: LinkConstraint[] = [];
  for (const x of a.reportIds) {
    for (const y of b.reportIds) constraints.push(constraint("must_link", x, y, who));
  }
  return {
    incident: {
      id: a.id,
      reportIds: [...a.reportIds, ...b.reportIds.filter((r) => !a.reportIds.includes(r))],
    },
    retired: b.id,
    constraints,
  };
}

/**
 * A human says the given reports are another event than the rest of the incident. Every pair across the
 * cut becomes a cannot-link (replacing earlier must-links across it, so no must-link path survives the
 * cut), and the moved reports are must-linked to one another: they leave as one incident.
 */
export function split(
  incident: IncidentReports,
  reportIds: readonly string[],
  newId: string,
  who: Decider,
): SplitResult {
  const moving = new Set(reportIds);
  for (const id of moving) {
    if (!incident.reportIds.includes(id))
      throw new RangeError(`report ${id} is not in incident ${incident.id}`);
  }
  const kept = incident.reportIds.filter((r) => !moving.has(r));
  if (moving.size === 0 || kept.length === 0) {
    throw new RangeError(`a split of incident ${incident.id} must leave reports on both sides`);
  }
  const moved = incident.reportIds.filter((r) => moving.has(r));
  const constraints: LinkConstraint[] = [];
  for (const x of kept) for (const y of moved) constraints.push(constraint("cannot_link", x, y, who));
  const first = moved[0] as string;
  for (const y of moved.slice(1)) constraints.push(constraint("must_link", first, y, who));
  return {
    kept: { id: incident.id, reportIds: kept },
    moved: { id: newId, reportIds: moved },
    constraints,
  };
}

function constraint(
  kind: LinkConstraint["kind"],
  reportA: string,
  reportB: string,
  who: Decider,
): LinkConstraint {
  return { kind, reportA, reportB, decidedBy: who.by, at: who.at };
}
