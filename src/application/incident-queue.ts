// A guarantor's verification queue: the incidents still undecided on which it has taken no position, oldest
// first, so that the longest-waiting incident is judged first.
import type { Principal } from "../domain/access/principal.js";
import { TruceError } from "../errors.js";
import type { IncidentFilter, IncidentPage, Repositories } from "../ports/store.js";

export interface QueueQuery extends Omit<IncidentFilter, "awaitingPositionFrom" | "visibleTo"> {
  readonly limit?: number;
  readonly after?: string | null;
  /** Whose queue an administrator reads (a guarantor state such as RU); a guarantor always reads its own. */
  readonly guarantor?: string;
}

export async function incidentQueue(
  repositories: Repositories,
  principal: Principal,
  query: QueueQuery = {},
): Promise<IncidentPage> {
  const { guarantor: asked, ...filter } = query;
  let guarantor: string;
  if (principal.role === "guarantor") {
    if (asked !== undefined && asked !== principal.guarantor) {
      throw new TruceError(
        "TRUCE_E_FORBIDDEN",
        `a monitor of ${principal.guarantor} reads its own queue only`,
      );
    }
    guarantor = principal.guarantor;
  } else if (principal.role === "admin") {
    if (asked === undefined || asked.trim() === "")
      throw new TruceError("TRUCE_E_INVALID_INPUT", "name the guarantor whose queue to read");
    guarantor = asked.trim();
  } else {
    throw new TruceError("TRUCE_E_FORBIDDEN", "the verification queue is the guarantors' own");
  }
  return repositories.incidents.list({
    ...filter,
    awaitingPositionFrom: guarantor,
    sort: "date",
    order: "asc",
  });
}
