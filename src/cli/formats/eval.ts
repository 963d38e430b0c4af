// The evaluation format: one JSON object per article, exactly the fields the scorer reads.
import type { ArticleReport } from "../../extraction/report.js";

export function toEvalLine(report: ArticleReport): string {
  return JSON.stringify({
    doc: report.doc,
    incidents: report.incidents.map((i) => ({
      date: i.date,
      date_end: i.dateEnd,
      date_precision: i.datePrecision,
      country: i.country,
      admin1: i.admin1,
      location: i.location,
      event_type: i.eventType,
      sub_event_type: i.subEventType,
      perpetrator: i.perpetrator,
      target: i.target,
      killed: i.killed,
      classification: i.classification.classification,
    })),
    allegations: report.allegations.map((a) => ({ accuser: a.accuser, accused: a.accused })),
  });
}
