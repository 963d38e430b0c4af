// Incidents: upserted whole by correlation, listed with filters and keyset pages, and found as candidates.
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  PostgresAdapter,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { Classification, EventType, SubEventType } from "../../../domain/ontology.js";
import type { EvidenceGrade, Incident, IncidentStatus } from "../../../domain/records/incident.js";
import { TruceError } from "../../../errors.js";
import type {
  CandidateWindow,
  IncidentFilter,
  IncidentPoint,
  IncidentRepository,
  TallyDimension,
} from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { Database, IncidentsTable } from "../schema.js";
import { visibleIncidents } from "./incident-access.js";
import { chunks, type Executor, inOrderOf, inTransaction, parseJson } from "./support.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
const DEFAULT_CANDIDATES = 500;
const MAX_POINTS = 100_000;

/** The SQL of one tally dimension's key, over `incidents` (and `tp`, its perpetrators). */
function tallyKey(dimension: TallyDimension, postgres: boolean) {
  switch (dimension) {
    // From date_key (the day, "" when undated), which the covering index holds and `date` does not.
    case "day":
      return sql<string | null>`nullif(incidents.date_key, '')`;
    case "week":
      // The ISO week's Monday: PostgreSQL's weeks start on Monday; SQLite's 'weekday 1' is the next Monday.
      return postgres
        ? sql<
            string | null
          >`to_char(date_trunc('week', cast(nullif(incidents.date_key, '') as date)), 'YYYY-MM-DD')`
        : sql<string | null>`date(nullif(incidents.date_key, ''), '-6 days', 'weekday 1')`;
    case "month":
      return sql<string | null>`substr(nullif(incidents.date_key, ''), 1, 7)`;
    case "admin1":
      return sql<string | null>`incidents.admin1`;
    case "status":
      return sql<string | null>`incidents.status`;
    case "eventType":
      return sql<string | null>`incidents.event_type`;
    case "grade":
      return sql<string | null>`incidents.grade`;
    case "accused":
      return sql<string | null>`incidents.accused`;
    case "perpetrator":
      return sql<string | null>`tp.party`;
  }
}

/** Keys in order, null first, then by code point (the byte order of the C collation, for UTF-8). */
function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return Buffer.compare(Buffer.from(x, "utf8"), Buffer.from(y, "utf8"));
  }
  return 0;
}

export const incidentRow = (i: Incident): Insertable<IncidentsTable> => ({
  id: i.id,
  report_ids: JSON.stringify(i.reportIds),
  date: i.date,
  date_key: i.date ?? "",
  admin1: i.admin1,
  country: i.country,
  location: i.location,
  event_type: i.eventType,
  sub_event_type: i.subEventType,
  perpetrators: JSON.stringify(i.perpetrators),
  killed_low: i.killed?.low ?? null,
  killed_best: i.killed?.best ?? null,
  killed_high: i.killed?.high ?? null,
  classification: i.classification,
  grade: i.grade,
  status: i.status,
  updated_at: i.updatedAt,
  complainants: JSON.stringify(i.complainants),
  accused: i.accused,
  lat: i.lat,
  lon: i.lon,
  coordinates_restricted: i.coordinatesRestricted ? 1 : 0,
  published_at: i.publishedAt,
});

const incidentFromRow = (r: Selectable<IncidentsTable>): Incident => ({
  id: r.id,
  reportIds: parseJson<string[]>(r.report_ids),
  date: r.date,
  admin1: r.admin1,
  country: r.country,
  location: r.location,
  eventType: r.event_type as EventType,
  subEventType: r.sub_event_type as SubEventType,
  perpetrators: parseJson<string[]>(r.perpetrators),
  killed:
    r.killed_low === null || r.killed_best === null || r.killed_high === null
      ? null
      : { low: r.killed_low, best: r.killed_best, high: r.killed_high },
  classification: r.classification as Classification,
  grade: r.grade as EvidenceGrade,
  status: r.status as IncidentStatus,
  updatedAt: r.updated_at,
  complainants: parseJson<string[]>(r.complainants),
  accused: r.accused,
  lat: r.lat,
  lon: r.lon,
  coordinatesRestricted: r.coordinates_restricted === 1,
  publishedAt: r.published_at,
});

type Eb = ExpressionBuilder<Database, "incidents">;

/** The filter as one WHERE expression; an empty list matches nothing (as `IN ()` would, were it valid SQL). */
function matches(eb: Eb, filter: IncidentFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  const none = sql<SqlBool>`1 = 0`;
  const oneOf = (
    column: "event_type" | "status" | "grade" | "classification",
    values?: readonly string[],
  ) => {
    if (values === undefined) return;
    conditions.push(values.length === 0 ? none : eb(`incidents.${column}`, "in", [...values]));
  };
  // Bounds on date_key, which the page indexes lead with (after status or admin1), so a bounded page is one
  // index range in order; undated incidents (date_key "") are left out as a bound on `date` would leave them.
  // Only one lower bound is written: given two, SQLite ranges over one of them (it took `> ''`, and so read
  // every incident before `to` to count one month's).
  if (filter.from !== undefined && filter.from !== "")
    conditions.push(eb("incidents.date_key", ">=", filter.from));
  else if (filter.from !== undefined || filter.to !== undefined)
    conditions.push(eb("incidents.date_key", ">", ""));
  if (filter.to !== undefined) conditions.push(eb("incidents.date_key", "<=", filter.to));
  const place = placeCondition(eb, filter);
  if (place !== null) conditions.push(place);
  oneOf("event_type", filter.eventType);
  oneOf("status", filter.status);
  oneOf("grade", filter.grade);
  oneOf("classification", filter.classification);
  if (filter.party !== undefined) {
    const parties = [...filter.party];
    conditions.push(
      parties.length === 0
        ? none
        : eb.exists(
            eb
              .selectFrom("incident_parties")
              .select("incident_parties.party")
              .whereRef("incident_parties.incident_id", "=", "incidents.id")
              .where("incident_parties.party", "in", parties),
          ),
    );
  }
  conditions.push(...visibleIncidents(eb, filter));
  return eb.and(conditions);
}

/**
 * Where the incident lies: in one of the `admin1` units, or placed only to one of the `countryLevel` countries;
 * null when the filter names neither. Together they match the union; an empty list adds nothing to it (alone,
 * it matches nothing), so the planner never meets an `or` with a constant in it. `country` is not in the covering
 * index, but only an incident with no unit needs its row read: a weekly bulletin's statistics at 1 M on SQLite,
 * 5 % of them placed only to the country, took 290 ms against 235 ms for the units alone.
 */
function placeCondition(eb: Eb, filter: IncidentFilter): Expression<SqlBool> | null {
  const { admin1, countryLevel } = filter;
  if (admin1 === undefined && countryLevel === undefined) return null;
  const either: Expression<SqlBool>[] = [];
  if (admin1 !== undefined && admin1.length > 0) either.push(eb("incidents.admin1", "in", [...admin1]));
  if (countryLevel !== undefined && countryLevel.length > 0)
    either.push(
      eb.and([eb("incidents.admin1", "is", null), eb("incidents.country", "in", [...countryLevel])]),
    );
  const [only] = either;
  if (only === undefined) return sql<SqlBool>`1 = 0`;
  return either.length === 1 ? only : eb.or(either);
}

interface Cursor {
  readonly key: string;
  readonly id: string;
}

const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.key, c.id]), "utf8").toString("base64url");

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string"
    )
      return { key: value[0], id: value[1] };
  } catch {
    // Falls through to the error below: a malformed cursor is the caller's mistake, not a crash.
  }
  throw new TruceError("TRUCE_E_USAGE", `"${text}" is not a page cursor this store gave out`);
}

type CandidateSelect = SelectQueryBuilder<Database, "incidents", object>;

/**
 * Dated incidents in the window (and admin1 units), by date then id, one page: the columns are the caller's.
 * With one admin1 unit the page is one range of `incidents_by_place_date_id`, without any sort; the keyset
 * condition raises the range's lower bound to the previous page's last date, so a page costs what it returns.
 */
async function candidateRows<O>(
  db: Executor,
  window: CandidateWindow,
  columns: (select: CandidateSelect) => SelectQueryBuilder<Database, "incidents", O>,
): Promise<O[]> {
  const admin1 = window.admin1 ?? null;
  if (admin1 !== null && admin1.length === 0) return [];
  const after = window.after ?? null;
  const from = after !== null && after.date > window.from ? after.date : window.from;
  let select = columns(db.selectFrom("incidents")).where("date", ">=", from).where("date", "<=", window.to);
  if (admin1 !== null) select = select.where("admin1", "in", [...admin1]);
  if (after !== null)
    select = select.where((eb) => eb(eb.refTuple("date", "id"), ">", eb.tuple(after.date, after.id)));
  return select
    .orderBy("date")
    .orderBy("id")
    .limit(window.limit ?? DEFAULT_CANDIDATES)
    .execute();
}

export function incidentRepository(db: Executor): IncidentRepository {
  const byIds = async (ids: readonly string[]) => {
    const found: Incident[] = [];
    for (const batch of chunks([...new Set(ids)])) {
      const rows = await db.selectFrom("incidents").selectAll().where("id", "in", batch).execute();
      found.push(...rows.map(incidentFromRow));
    }
    return inOrderOf(ids, found);
  };

  return {
    async upsert(incidents) {
      if (incidents.length === 0) return;
      await guarded(`incident ${incidents[0]?.id}`, () =>
        inTransaction(db, async (trx) => {
          for (const batch of chunks(incidents, 200)) {
            await trx
              .insertInto("incidents")
              .values(batch.map(incidentRow))
              .onConflict((oc) =>
                oc.column("id").doUpdateSet((eb) => ({
                  report_ids: eb.ref("excluded.report_ids"),
                  date: eb.ref("excluded.date"),
                  date_key: eb.ref("excluded.date_key"),
                  admin1: eb.ref("excluded.admin1"),
                  country: eb.ref("excluded.country"),
                  location: eb.ref("excluded.location"),
                  event_type: eb.ref("excluded.event_type"),
                  sub_event_type: eb.ref("excluded.sub_event_type"),
                  perpetrators: eb.ref("excluded.perpetrators"),
                  killed_low: eb.ref("excluded.killed_low"),
                  killed_best: eb.ref("excluded.killed_best"),
                  killed_high: eb.ref("excluded.killed_high"),
                  classification: eb.ref("excluded.classification"),
                  grade: eb.ref("excluded.grade"),
                  status: eb.ref("excluded.status"),
                  updated_at: eb.ref("excluded.updated_at"),
                  complainants: eb.ref("excluded.complainants"),
                  accused: eb.ref("excluded.accused"),
                  lat: eb.ref("excluded.lat"),
                  lon: eb.ref("excluded.lon"),
                  coordinates_restricted: eb.ref("excluded.coordinates_restricted"),
                  published_at: eb.ref("excluded.published_at"),
                })),
              )
              .execute();
            const ids = batch.map((i) => i.id);
            await trx.deleteFrom("incident_parties").where("incident_id", "in", ids).execute();
            const parties = batch.flatMap((i) =>
              [...new Set(i.perpetrators)].map((party) => ({ incident_id: i.id, party })),
            );
            for (const rows of chunks(parties))
              await trx.insertInto("incident_parties").values(rows).execute();
            await trx.deleteFrom("incident_complainants").where("incident_id", "in", ids).execute();
            const complainants = batch.flatMap((i) =>
              [...new Set(i.complainants)].map((party) => ({ incident_id: i.id, party })),
            );
            for (const rows of chunks(complainants))
              await trx.insertInto("incident_complainants").values(rows).execute();
          }
        }),
      );
    },
    async get(id, visibleTo) {
      const row = await db
        .selectFrom("incidents")
        .selectAll()
        .where("id", "=", id)
        .where((eb) => matches(eb, visibleTo === undefined ? {} : { visibleTo }))
        .executeTakeFirst();
      return row === undefined ? null : incidentFromRow(row);
    },
    byIds,
    async list(query = {}) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      const column = query.sort === "updatedAt" ? "updated_at" : "date_key";
      const direction = query.order === "asc" ? "asc" : "desc";
      let select = db
        .selectFrom("incidents")
        .selectAll()
        .where((eb) => matches(eb, query));
      if (query.after !== undefined && query.after !== null) {
        const cursor = decodeCursor(query.after);
        // A row-value comparison walks the (key, id) index from the cursor on, on both engines.
        select = select.where((eb) =>
          eb(eb.refTuple(column, "id"), direction === "asc" ? ">" : "<", eb.tuple(cursor.key, cursor.id)),
        );
      }
      const rows = await select
        .orderBy(column, direction)
        .orderBy("id", direction)
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const next =
        rows.length > limit && last !== undefined
          ? encodeCursor({ key: column === "updated_at" ? last.updated_at : last.date_key, id: last.id })
          : null;
      return { items: page.map(incidentFromRow), next };
    },
    async count(filter = {}) {
      const row = await db
        .selectFrom("incidents")
        .select((eb) => eb.fn.countAll().as("n"))
        .where((eb) => matches(eb, filter))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async tally(filter, by) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      const perpetrator = by.includes("perpetrator");
      const joined = db
        .selectFrom("incidents")
        .leftJoin("incident_parties as tp", "tp.incident_id", "incidents.id");
      // Joined only when counted by perpetrator (an incident then counts once per perpetrator); the keys of
      // the other dimensions never name `tp`, so the plain table is the same query to them.
      const from = perpetrator ? joined : (db.selectFrom("incidents") as unknown as typeof joined);
      // Every status, when the filter names none: the same rows, but the covering (status, date_key, …) index
      // then serves the count as a few ranges instead of a scan of whole rows.
      const statuses: readonly IncidentStatus[] = ["open", "awaiting_positions", "decided", "published"];
      let select = from
        .select((eb) => eb.fn.countAll().as("n"))
        .where((eb) => matches(eb as unknown as Eb, { status: statuses, ...filter }));
      by.forEach((dimension, k) => {
        const key = tallyKey(dimension, postgres);
        select = select.select(key.as(`k${k}`)).groupBy(key);
      });
      const rows = (await select.execute()) as unknown as Record<string, string | number | bigint | null>[];
      return rows
        .map((row) => ({
          keys: by.map((_, k) => {
            const key = row[`k${k}`];
            return key === null || key === undefined ? null : String(key);
          }),
          count: Number(row.n),
        }))
        .sort((a, b) => compareKeys(a.keys, b.keys));
    },
    async latestDate(statuses) {
      let latest: string | null = null;
      // One status at a time: each is then the end of one range of the (status, date_key, …) index.
      for (const status of new Set(statuses)) {
        const row = await db
          .selectFrom("incidents")
          .select((eb) => eb.fn.max("date_key").as("last"))
          .where("status", "=", status)
          .executeTakeFirst();
        const last = row?.last ?? "";
        if (last !== "" && (latest === null || last > latest)) latest = last;
      }
      return latest;
    },
    async points(filter, limit) {
      const rows = await db
        .selectFrom("incidents")
        .select(["id", "lat", "lon", "status", "accused", "event_type", "date_key", "coordinates_restricted"])
        .where((eb) => matches(eb, filter))
        .where("lat", "is not", null)
        .where("lon", "is not", null)
        .orderBy("date_key", "desc")
        .orderBy("id", "desc")
        .limit(Math.min(Math.max(Math.trunc(limit), 0), MAX_POINTS))
        .execute();
      return rows.map(
        (r): IncidentPoint => ({
          id: r.id,
          lat: r.lat as number,
          lon: r.lon as number,
          status: r.status as IncidentStatus,
          accused: r.accused,
          eventType: r.event_type as EventType,
          date: r.date_key === "" ? null : r.date_key,
          coordinatesRestricted: r.coordinates_restricted === 1,
        }),
      );
    },
    async candidates(window) {
      const rows = await candidateRows(db, window, (select) => select.selectAll());
      return rows.map(incidentFromRow);
    },
    async linkCandidates(window) {
      const rows = await candidateRows(db, window, (select) => select.select(["id", "date", "report_ids"]));
      return rows.map((r) => ({
        id: r.id,
        // Only dated incidents are candidates (the window bounds exclude NULL).
        date: r.date as string,
        reportIds: parseJson<string[]>(r.report_ids),
      }));
    },
    async remove(id) {
      const result = await guarded(`incident ${id}`, () =>
        inTransaction(db, async (trx) => {
          await trx.deleteFrom("incident_parties").where("incident_id", "=", id).execute();
          await trx.deleteFrom("incident_complainants").where("incident_id", "=", id).execute();
          return trx.deleteFrom("incidents").where("id", "=", id).executeTakeFirst();
        }),
      );
      return Number(result.numDeletedRows) > 0;
    },
  };
}
