// When an incident is published: the agreement's publication policy applied to its verdict and the clock.
import { territoryContains } from "../agreement/in-force.js";
import type { Agreement } from "../agreement/schema.js";
import type { Incident } from "../records/incident.js";
import type { Verdict } from "../records/verification.js";
import { addDuration } from "../verification/duration.js";

export type PublicationPolicy = Agreement["publication"];

export interface PublicationCandidate {
  readonly incident: Pick<Incident, "status" | "publishedAt">;
  /** The verdict in force (the one no other supersedes); null before the first decision. */
  readonly latestVerdict: Pick<Verdict, "outcome" | "at"> | null;
  /** When the incident's first report was recorded; null when unknown. */
  readonly firstRecordedAt: string | null;
}

/**
 * The instant the incident becomes publishable, or null when the policy never publishes it as it stands:
 * `verified` counts from a verdict that reached a finding (a violation or none: both are the mechanism's
 * word), never from an undecided one; `all` counts from when it was first recorded; `none` never publishes.
 * An incident already published is never due again, so publishing twice changes nothing.
 */
export function publicationDueAt(policy: PublicationPolicy, candidate: PublicationCandidate): string | null {
  if (candidate.incident.status === "published" || candidate.incident.publishedAt !== null) return null;
  let from: string | null;
  switch (policy.publish) {
    case "none":
      return null;
    case "verified":
      from =
        candidate.latestVerdict === null || candidate.latestVerdict.outcome === "undecided"
          ? null
          : candidate.latestVerdict.at;
      break;
    case "all":
      from = candidate.firstRecordedAt;
      break;
  }
  if (from === null) return null;
  const start = new Date(from);
  if (Number.isNaN(start.getTime())) return null;
  return addDuration(start, policy.delay).toISOString();
}

/** Whether the incident is due for publication at `now` (an ISO instant). */
export function isPublicationDue(
  policy: PublicationPolicy,
  candidate: PublicationCandidate,
  now: string,
): boolean {
  const dueAt = publicationDueAt(policy, candidate);
  return dueAt !== null && Date.parse(dueAt) <= Date.parse(now);
}

/**
 * Whether the incident lies in the agreement's territory: its policy, not another agreement's, decides. The
 * rule is the agreement's own (`territoryContains`), so a complaint is taken and an incident published over
 * the same ground.
 */
export function inTerritory(
  agreement: Pick<Agreement, "territory">,
  incident: Pick<Incident, "country" | "admin1">,
): boolean {
  return territoryContains(agreement.territory, incident);
}
