// Who may read which incidents, and the guarantor's queue, as WHERE conditions: the rules live in the queries,
// so a page, a count, a tally or a point a principal may not see is never read in the first place.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { TruceError } from "../../../errors.js";
import type { BoundingBox, IncidentFilter } from "../../../ports/store.js";
import type { Database } from "../schema.js";

type Eb = ExpressionBuilder<Database, "incidents">;

/** Statuses an incident is still waiting for positions in; a decided (or published) one leaves the queue. */
const undecided = ["open", "awaiting_positions"];

/** The conditions of the filter's `visibleTo`, `awaitingPositionFrom` and `bbox` (none when they are absent). */
export function visibleIncidents(eb: Eb, filter: IncidentFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const visibility = filter.visibleTo;
  if (visibility?.scope === "published") conditions.push(eb("incidents.status", "=", "published"));
  if (visibility?.scope === "party") {
    conditions.push(
      eb.or([
        eb("incidents.status", "=", "published"),
        eb("incidents.accused", "=", visibility.party),
        eb.exists(
          eb
            .selectFrom("incident_complainants")
            .select("incident_complainants.party")
            .whereRef("incident_complainants.incident_id", "=", "incidents.id")
            .where("incident_complainants.party", "=", visibility.party),
        ),
      ]),
    );
  }
  if (filter.awaitingPositionFrom !== undefined) {
    conditions.push(eb("incidents.status", "in", undecided));
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom("positions")
            .select("positions.id")
            .whereRef("positions.incident_id", "=", "incidents.id")
            .where("positions.guarantor", "=", filter.awaitingPositionFrom),
        ),
      ),
    );
  }
  if (filter.bbox !== undefined) conditions.push(inBox(eb, filter.bbox));
  return conditions;
}

function inBox(eb: Eb, box: BoundingBox): Expression<SqlBool> {
  const { west, south, east, north } = box;
  const valid =
    [west, south, east, north].every(Number.isFinite) &&
    south <= north &&
    south >= -90 &&
    north <= 90 &&
    Math.abs(west) <= 180 &&
    Math.abs(east) <= 180;
  if (!valid) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `${JSON.stringify(box)} is not a bounding box: give west and east within ±180, south ≤ north within ±90`,
    );
  }
  const latitude = eb.and([eb("incidents.lat", ">=", south), eb("incidents.lat", "<=", north)]);
  // A box whose west edge lies east of its east edge spans the antimeridian: two ranges of longitude.
  const longitude =
    west <= east
      ? eb.and([eb("incidents.lon", ">=", west), eb("incidents.lon", "<=", east)])
      : eb.or([eb("incidents.lon", ">=", west), eb("incidents.lon", "<=", east)]);
  return eb.and([latitude, longitude, sql<SqlBool>`incidents.lon is not null`]);
}
