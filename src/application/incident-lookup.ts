// Finds the incident a human decision is about, and the agreement regime whose voters may judge it.
import { type Place, type RegimeInForce, regimeInForce } from "../domain/agreement/in-force.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { Incident } from "../domain/records/incident.js";
import { TruceError } from "../errors.js";
import type { Repositories } from "../ports/store.js";

/** The stored incident, or TRUCE_E_INCIDENT_NOT_FOUND naming the id (a typo must not look like success). */
export async function requireIncident(tx: Repositories, id: string): Promise<Incident> {
  const incident = await tx.incidents.get(id);
  if (incident === null) {
    throw new TruceError(
      "TRUCE_E_INCIDENT_NOT_FOUND",
      `no incident ${JSON.stringify(id)} is stored; \`truce incidents\` lists them`,
      { subject: id },
    );
  }
  return incident;
}

/**
 * The regime in force where and when the incident happened. The point comes from the report that speaks for
 * the incident's place (zones may be polygons); an undated incident falls back to its earliest publication date,
 * as classification does for an article.
 */
export async function regimeOfIncident(
  tx: Repositories,
  incident: Incident,
  agreements: readonly Agreement[],
): Promise<RegimeInForce> {
  const reports = await tx.reports.byIds(incident.reportIds);
  const lead = reports.find(
    (r) =>
      r.admin1 === incident.admin1 && r.location === incident.location && r.lat !== null && r.lon !== null,
  );
  const place: Place = { country: incident.country, admin1: incident.admin1, lon: lead?.lon, lat: lead?.lat };
  let reference: string | null = null;
  if (incident.date === null) {
    for (const documentId of new Set(reports.map((r) => r.documentId))) {
      const published = (await tx.documents.get(documentId))?.published?.slice(0, 10) ?? null;
      if (published !== null && (reference === null || published < reference)) reference = published;
    }
  }
  const found = regimeInForce(agreements, place, incident.date, reference);
  if (found === null) {
    const where = incident.admin1 ?? incident.country;
    const when = incident.date ?? reference ?? "an unknown date";
    throw new TruceError(
      "TRUCE_E_NO_REGIME_IN_FORCE",
      `no agreement among ${agreements.map((a) => a.id).join(", ") || "none loaded"} is in force in ${where} on ${when}, so no one may take a position on incident ${incident.id}`,
      { subject: incident.id },
    );
  }
  return found;
}
