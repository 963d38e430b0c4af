// Human link decisions as a graph: must-link is transitive, cannot-link separates whole must-link groups.
import type { LinkConstraint } from "../records/incident.js";

/** Raised when human decisions contradict each other and no later decision settles it. */
export class ConstraintConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConstraintConflictError";
  }
}

/**
 * The standing human decisions, one per pair of reports: a later decision on a pair replaces an earlier
 * one (a human may undo a human; the machine never does).
 */
export class ConstraintSet {
  readonly #byPair = new Map<string, LinkConstraint>();
  readonly #must = new Map<string, Set<string>>();
  readonly #cannot = new Map<string, Set<string>>();

  constructor(constraints: Iterable<LinkConstraint> = []) {
    for (const c of constraints) this.add(c);
  }

  /** Records a decision, replacing any earlier decision on the same pair. */
  add(c: LinkConstraint): void {
    if (c.reportA === c.reportB) {
      if (c.kind === "cannot_link")
        throw new ConstraintConflictError(`a report cannot be kept apart from itself (${c.reportA})`);
      return;
    }
    const key = c.reportA < c.reportB ? `${c.reportA}\u0000${c.reportB}` : `${c.reportB}\u0000${c.reportA}`;
    const previous = this.#byPair.get(key);
    if (previous !== undefined) {
      unlink(previous.kind === "must_link" ? this.#must : this.#cannot, c.reportA, c.reportB);
    }
    this.#byPair.set(key, c);
    link(c.kind === "must_link" ? this.#must : this.#cannot, c.reportA, c.reportB);
  }

  /** Whether any decision names this report (most reports have none: the fast path). */
  touches(reportId: string): boolean {
    return this.#must.has(reportId) || this.#cannot.has(reportId);
  }

  /** The report and every report must-linked to it, directly or through others. */
  mustGroup(reportId: string): Set<string> {
    const seen = new Set([reportId]);
    const queue = [reportId];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const next of this.#must.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }

  /** Reports that may never share an incident with any report of the group. */
  keptApartFrom(group: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const id of group) {
      for (const other of this.#cannot.get(id) ?? []) for (const m of this.mustGroup(other)) out.add(m);
    }
    return out;
  }

  /** Throws if a must-link group contains a cannot-linked pair. */
  check(reportIds: Iterable<string>): void {
    for (const id of reportIds) {
      const group = this.mustGroup(id);
      for (const other of this.keptApartFrom(group)) {
        if (group.has(other)) {
          throw new ConstraintConflictError(
            `reports ${id} and ${other} are both must-linked and cannot-linked by human decisions`,
          );
        }
      }
    }
  }

  all(): LinkConstraint[] {
    return [...this.#byPair.values()];
  }
}

function link(adj: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = adj.get(x);
    if (set === undefined) adj.set(x, new Set([y]));
    else set.add(y);
  }
}

function unlink(adj: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = adj.get(x);
    if (set === undefined) continue;
    set.delete(y);
    if (set.size === 0) adj.delete(x);
  }
}
