// Strips what a principal may not see from the records it may read: a witness's identity and exact coordinates a
// source asked to keep restricted. Roles that see restricted fields get every record unchanged.
import type { StoredDocument } from "../records/document.js";
import type { Incident } from "../records/incident.js";
import type { Report } from "../records/report.js";
import { type Principal, seesRestricted } from "./principal.js";

/** 0.1° is about 11 km of latitude: the town, not the house. */
const COARSE = 10;

/** A coordinate rounded to 0.1°, as shown to roles that may not see a restricted point. */
export const coarse = (degrees: number): number => Math.round(degrees * COARSE) / COARSE;

const coarsePoint = <T extends { readonly lat: number | null; readonly lon: number | null }>(
  record: T,
): T => ({
  ...record,
  lat: record.lat === null ? null : coarse(record.lat),
  lon: record.lon === null ? null : coarse(record.lon),
});

export function redactIncident(incident: Incident, principal: Principal): Incident {
  if (seesRestricted(principal) || !incident.coordinatesRestricted) return incident;
  return coarsePoint(incident);
}

export function redactReport(report: Report, principal: Principal): Report {
  if (seesRestricted(principal) || report.coordinatesRestricted !== true) return report;
  return coarsePoint(report);
}

/** A map point (anything with a point and the restriction flag), for the map's data. */
export function redactPoint<
  T extends { readonly lat: number; readonly lon: number; readonly coordinatesRestricted: boolean },
>(point: T, principal: Principal): T {
  if (seesRestricted(principal) || !point.coordinatesRestricted) return point;
  return { ...point, lat: coarse(point.lat), lon: coarse(point.lon) };
}

/**
 * A complaint's document holds the form as received (see src/application/complaints/complaint-document.ts):
 * its witness is removed and a restricted point coarsened. Other documents are what their outlets published.
 */
export function redactDocument(document: StoredDocument, principal: Principal): StoredDocument {
  if (seesRestricted(principal) || document.channel !== "form" || document.contentType !== "application/json")
    return document;
  let body: unknown;
  try {
    body = JSON.parse(document.body);
  } catch {
    // A form document that is not JSON was not written by the complaint form: it holds no form fields to strip.
    return document;
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return document;
  const record = body as Record<string, unknown>;
  const form = record.complaint;
  if (form === null || typeof form !== "object" || Array.isArray(form)) return document;
  const { witness: _witness, ...rest } = form as Record<string, unknown>;
  const shown: Record<string, unknown> = { ...rest };
  if (shown.coordinatesRestricted === true) {
    if (typeof shown.lat === "number") shown.lat = coarse(shown.lat);
    if (typeof shown.lon === "number") shown.lon = coarse(shown.lon);
  }
  return { ...document, body: JSON.stringify({ ...record, complaint: shown }) };
}
