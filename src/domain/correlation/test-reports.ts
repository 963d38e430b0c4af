// Test helper: a Report with sensible defaults, so each test states only what it is about.
import type { Report } from "../records/report.js";

let n = 0;

export function report(fields: Partial<Report> & { id?: string } = {}): Report {
  n++;
  const id = fields.id ?? `x${n}`;
  return {
    id,
    documentId: `doc-${id}`,
    source: "Reuters",
    copyGroup: id,
    date: "2017-01-10",
    dateEnd: null,
    datePrecision: 1,
    country: "SY",
    admin1: "SY-ID",
    location: "Saraqib",
    lat: 35.86,
    lon: 36.8,
    geoPrecision: 1,
    eventType: "Explosions/Remote violence",
    subEventType: "Air/drone strike",
    perpetrator: "RU",
    target: "CIV",
    killed: 5,
    kind: "press",
    spans: [],
    summary: "Russian jets struck a market in Saraqib, killing five civilians.",
    createdAt: "2017-01-10T12:00:00Z",
    ...fields,
  };
}
