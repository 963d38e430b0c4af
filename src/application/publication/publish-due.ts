// Publishes what the agreement's publication policy says is due: status `published`, the time, an audit entry.
import type { Agreement } from "../../domain/agreement/schema.js";
import { inTerritory, publicationDueAt } from "../../domain/publication/due.js";
import type { Incident, IncidentStatus } from "../../domain/records/incident.js";
import type { Verdict } from "../../domain/records/verification.js";
import type { Repositories, Store } from "../../ports/store.js";
import { recordAudit } from "../audit-trail.js";

export interface PublishOutcome {
  /** The incidents published by this run, in the order they were published. */
  readonly published: readonly string[];
  /** How many unpublished incidents in the agreement's territory were looked at. */
  readonly examined: number;
}

/** Incidents read (and published) per page: each page's publications commit in one transaction. */
const PAGE = 500;

/** Which statuses can become due: a finding is needed for `verified`; `all` takes any unpublished one. */
const candidateStatuses = (publish: Agreement["publication"]["publish"]): IncidentStatus[] =>
  publish === "verified" ? ["decided"] : ["open", "awaiting_positions", "decided"];

interface Due {
  readonly incident: Incident;
  readonly dueAt: string;
  readonly verdict: Verdict | null;
}

async function dueOnPage(
  store: Repositories,
  agreement: Agreement,
  incidents: readonly Incident[],
  now: string,
): Promise<Due[]> {
  const policy = agreement.publication;
  const firstRecorded = new Map<string, string>();
  if (policy.publish === "all") {
    for (const r of await store.reports.byIds(incidents.flatMap((i) => i.reportIds))) {
      for (const i of incidents) {
        if (!i.reportIds.includes(r.id)) continue;
        const known = firstRecorded.get(i.id);
        if (known === undefined || r.createdAt < known) firstRecorded.set(i.id, r.createdAt);
      }
    }
  }
  const due: Due[] = [];
  for (const incident of incidents) {
    const verdict = policy.publish === "verified" ? await store.verdicts.latest(incident.id) : null;
    const dueAt = publicationDueAt(policy, {
      incident,
      latestVerdict: verdict,
      firstRecordedAt: firstRecorded.get(incident.id) ?? null,
    });
    if (dueAt !== null && Date.parse(dueAt) <= Date.parse(now)) due.push({ incident, dueAt, verdict });
  }
  return due;
}

/**
 * Publishes every incident in the agreement's territory that its policy makes due at `now`: `verified` a delay
 * after a verdict reached a finding, `all` a delay after the incident was first recorded, `none` never. Each
 * page's publications commit together with their audit entries; an incident published meanwhile (another
 * server, an earlier run) is left alone, so running it twice publishes nothing twice.
 */
export async function publishDue(store: Store, agreement: Agreement, now: string): Promise<PublishOutcome> {
  const published: string[] = [];
  let examined = 0;
  if (agreement.publication.publish === "none") return { published, examined };
  let after: string | null = null;
  for (;;) {
    const page = await store.incidents.list({
      status: candidateStatuses(agreement.publication.publish),
      sort: "date",
      order: "asc",
      limit: PAGE,
      after,
    });
    const mine = page.items.filter((i) => inTerritory(agreement, i));
    examined += mine.length;
    const due = await dueOnPage(store, agreement, mine, now);
    if (due.length > 0) {
      const done = await store.transaction(async (tx) => {
        // Linking rewrites incidents whole: taking turns with it keeps a publication from being overwritten.
        await tx.ingestion.serialiseLinking();
        const ids: string[] = [];
        const current = await tx.incidents.byIds(due.map((d) => d.incident.id));
        for (const d of due) {
          const incident = current.find((i) => i.id === d.incident.id);
          // Read again inside the transaction: published meanwhile, or decided anew, it is not this run's to publish.
          if (incident === undefined || incident.status !== d.incident.status) continue;
          if (d.verdict !== null && (await tx.verdicts.latest(incident.id))?.id !== d.verdict.id) continue;
          await tx.incidents.upsert([{ ...incident, status: "published", publishedAt: now, updatedAt: now }]);
          await recordAudit(
            tx,
            "publication",
            incident.id,
            {
              incident: incident.id,
              agreement: agreement.id,
              publish: agreement.publication.publish,
              delay: agreement.publication.delay,
              dueAt: d.dueAt,
              verdict: d.verdict?.id ?? null,
              accused: incident.accused,
            },
            now,
          );
          ids.push(incident.id);
        }
        return ids;
      });
      published.push(...done);
    }
    if (page.next === null) break;
    after = page.next;
  }
  return { published, examined };
}
