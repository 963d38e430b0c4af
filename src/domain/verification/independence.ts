// Which reports are independent of each other: wire copies and one outlet or party speaking twice count once.
import type { Report } from "../records/report.js";

export type IndependenceInput = Pick<Report, "source" | "copyGroup">;

/**
 * Groups reports into independent sources. Two reports are the same source when they share a copy group
 * (a wire story re-published by several outlets) or a source (one outlet or party speaking twice, which
 * is one voice however many texts it issues); the relation is closed transitively. Groups come in the
 * order of their first report, and each keeps its reports in input order.
 */
export function independentSources<T extends IndependenceInput>(reports: readonly T[]): T[][] {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    // Path compression keeps later look-ups flat.
    let node = i;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstBySource = new Map<string, number>();
  const firstByGroup = new Map<string, number>();
  reports.forEach((report, i) => {
    const bySource = firstBySource.get(report.source);
    if (bySource === undefined) firstBySource.set(report.source, i);
    else union(bySource, i);
    const byGroup = firstByGroup.get(report.copyGroup);
    if (byGroup === undefined) firstByGroup.set(report.copyGroup, i);
    else union(byGroup, i);
  });
  const groups = new Map<number, T[]>();
  reports.forEach((report, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [report]);
    else group.push(report);
  });
  // Roots are the smallest index of their group, so sorting by root keeps first-appearance order.
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/** Milliseconds of an ISO timestamp, for ordering reports and positions; an unparsable one sorts first. */
export const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/** The latest of some items by timestamp; on a tie the later in input order wins. */
export function latestBy<T>(items: readonly T[], at: (item: T) => string): T | undefined {
  let best: T | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const t = instant(at(item));
    if (best === undefined || t >= bestAt) {
      best = item;
      bestAt = t;
    }
  }
  return best;
}
