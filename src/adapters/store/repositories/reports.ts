// Reports: what one document claims about one event, with the spans it was read from.
import type { Insertable, Selectable } from "kysely";
import type { EventType, GeoPrecision, SubEventType, TimePrecision } from "../../../domain/ontology.js";
import type { Report } from "../../../domain/records/report.js";
import type { Span } from "../../../domain/text/span.js";
import type { ReportDating, ReportRepository } from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { ReportsTable } from "../schema.js";
import { chunks, type Executor, inOrderOf, inTransaction, parseJson } from "./support.js";

export const reportRow = (r: Report): Insertable<ReportsTable> => ({
  id: r.id,
  document_id: r.documentId,
  source: r.source,
  copy_group: r.copyGroup,
  date: r.date,
  date_end: r.dateEnd,
  date_precision: r.datePrecision,
  country: r.country,
  admin1: r.admin1,
  location: r.location,
  lat: r.lat,
  lon: r.lon,
  geo_precision: r.geoPrecision,
  event_type: r.eventType,
  sub_event_type: r.subEventType,
  perpetrator: r.perpetrator,
  target: r.target,
  killed: r.killed,
  kind: r.kind,
  spans: JSON.stringify(r.spans.map((s) => ({ start: s.start, end: s.end }))),
  summary: r.summary,
  created_at: r.createdAt,
  coordinates_restricted: r.coordinatesRestricted === true ? 1 : 0,
});

const reportFromRow = (r: Selectable<ReportsTable>): Report => ({
  id: r.id,
  documentId: r.document_id,
  source: r.source,
  copyGroup: r.copy_group,
  date: r.date,
  dateEnd: r.date_end,
  datePrecision: r.date_precision as TimePrecision | null,
  country: r.country,
  admin1: r.admin1,
  location: r.location,
  lat: r.lat,
  lon: r.lon,
  geoPrecision: r.geo_precision as GeoPrecision,
  eventType: r.event_type as EventType,
  subEventType: r.sub_event_type as SubEventType,
  perpetrator: r.perpetrator,
  target: r.target,
  killed: r.killed,
  kind: r.kind as Report["kind"],
  spans: parseJson<Span[]>(r.spans),
  summary: r.summary,
  createdAt: r.created_at,
  // Left out when not restricted, so a press report reads back exactly as it was written.
  ...(r.coordinates_restricted === 1 ? { coordinatesRestricted: true } : {}),
});

export function reportRepository(db: Executor): ReportRepository {
  return {
    async insert(reports) {
      if (reports.length === 0) return;
      // All or none, even when the caller has no transaction of its own.
      await guarded(`reports of document ${reports[0]?.documentId}`, () =>
        inTransaction(db, async (trx) => {
          for (const batch of chunks(reports, 100))
            await trx.insertInto("reports").values(batch.map(reportRow)).execute();
        }),
      );
    },
    async get(id) {
      const row = await db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? null : reportFromRow(row);
    },
    async byDocument(documentId) {
      const rows = await db
        .selectFrom("reports")
        .selectAll()
        .where("document_id", "=", documentId)
        .orderBy("ord")
        .execute();
      return rows.map(reportFromRow);
    },
    async byIds(ids) {
      const found: Report[] = [];
      for (const batch of chunks([...new Set(ids)])) {
        const rows = await db.selectFrom("reports").selectAll().where("id", "in", batch).execute();
        found.push(...rows.map(reportFromRow));
      }
      return inOrderOf(ids, found);
    },
    async datings(ids) {
      const found: ReportDating[] = [];
      for (const batch of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom("reports")
          .select(["id", "date", "date_precision", "created_at", "country"])
          .where("id", "in", batch)
          .execute();
        for (const r of rows)
          found.push({
            id: r.id,
            date: r.date,
            datePrecision: r.date_precision as TimePrecision | null,
            createdAt: r.created_at,
            country: r.country,
          });
      }
      return inOrderOf(ids, found);
    },
  };
}
