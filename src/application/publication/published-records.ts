// Published incidents as one reader may see them, read from the store a page at a time with their reports.
import { type Principal, visibilityOf } from "../../domain/access/principal.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import { readsPublications } from "../../domain/publication/audience.js";
import { agreementOf, type PublishedView, publishedView } from "../../domain/publication/published-view.js";
import type { Report } from "../../domain/records/report.js";
import type { IncidentFilter, IncidentQuery, Repositories } from "../../ports/store.js";

export interface PublishedRecord extends PublishedView {
  /** Its reports, for sources and precision; their own points and texts are never published from here. */
  readonly reports: readonly Report[];
}

export interface PublishedRecordsOptions {
  /** The agreements whose publication policies apply, each over its own territory. */
  readonly agreements: readonly Pick<Agreement, "territory" | "publication">[];
  /** Incidents read per query (default 500, at most 1000). */
  readonly pageSize?: number;
  /** `date` (default) or `updatedAt`, newest first. */
  readonly sort?: "date" | "updatedAt";
  /** Stop after this many records in all; omitted: every one. */
  readonly limit?: number;
}

/** The filter narrowed to what is published and visible to the principal; null when it can match nothing. */
export function publishedFilter(filter: IncidentFilter, principal: Principal): IncidentFilter | null {
  if (filter.status !== undefined && !filter.status.includes("published")) return null;
  return { ...filter, status: ["published"], visibleTo: visibilityOf(principal) };
}

/**
 * Yields pages of published records, newest first, never holding more than one page: a million incidents are
 * exported in constant memory. Incidents whose agreement publishes to an audience the principal is not in are
 * left out.
 */
export async function* publishedRecords(
  store: Repositories,
  principal: Principal,
  filter: IncidentFilter,
  options: PublishedRecordsOptions,
): AsyncGenerator<PublishedRecord[]> {
  const narrowed = publishedFilter(filter, principal);
  if (narrowed === null) return;
  const pageSize = Math.min(Math.max(1, options.pageSize ?? 500), 1000);
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  let after: string | null = null;
  while (remaining > 0) {
    const query: IncidentQuery = {
      ...narrowed,
      sort: options.sort ?? "date",
      order: "desc",
      limit: Math.min(pageSize, remaining),
      after,
    };
    const page = await store.incidents.list(query);
    const reports = new Map(
      (await store.reports.byIds(page.items.flatMap((i) => i.reportIds))).map((r) => [r.id, r]),
    );
    const records: PublishedRecord[] = [];
    for (const incident of page.items) {
      const agreement = agreementOf(options.agreements, incident);
      if (agreement !== null && !readsPublications(principal, agreement.publication.audience)) continue;
      records.push({
        ...publishedView(incident, principal, agreement?.publication ?? null),
        reports: incident.reportIds.flatMap((id) => reports.get(id) ?? []),
      });
    }
    const kept = records.slice(0, remaining);
    remaining -= kept.length;
    if (kept.length > 0) yield kept;
    if (page.next === null) return;
    after = page.next;
  }
}
