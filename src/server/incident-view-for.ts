// One incident's view as a principal may read it: invisible incidents are "not found", another party's
// unpublished complaints and every restricted field are left out.
import { compareReports, type IncidentView, incidentView } from "../application/incident-view.js";
import type { Principal } from "../domain/access/principal.js";
import { redactReport } from "../domain/access/redact.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { Incident } from "../domain/records/incident.js";
import type { Repositories } from "../ports/store.js";
import { notFound } from "./http-errors.js";
import { type NamedIncidentView, withholdViewNames } from "./incident-view-names.js";
import { partyNamingFor, readableReport, readerVisibility, shownIncident } from "./visibility.js";

/** Record ids are UUIDs, or other short tokens in imported data: anything else cannot name one. */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,100}$/;

const missing = (id: string) =>
  notFound(`no incident ${JSON.stringify(id.slice(0, 80))} is stored, or none you may see`, id);

/** The incident, unredacted, if the principal may read it; else TRUCE_E_NOT_FOUND (never "forbidden"). */
export async function readableIncident(
  repositories: Repositories,
  id: string,
  principal: Principal,
  agreement: Agreement,
): Promise<Incident> {
  const visibility = readerVisibility(principal, agreement);
  const incident =
    visibility !== null && RECORD_ID.test(id) ? await repositories.incidents.get(id, visibility) : null;
  if (incident === null) throw missing(id);
  return incident;
}

export async function incidentViewFor(
  repositories: Repositories,
  id: string,
  principal: Principal,
  agreement: Agreement,
): Promise<NamedIncidentView> {
  const incident = await readableIncident(repositories, id, principal, agreement);
  const view = await incidentView(repositories, incident.id);
  const visibility = readerVisibility(principal, agreement);
  if (view === null || visibility === null) throw missing(id);
  const sides = view.reports.filter((s) => readableReport(view.incident, s.report, visibility));
  const shownDocuments = new Set(sides.map((s) => s.report.documentId));
  const shownReports = new Set(sides.map((s) => s.report.id));
  const hidden = new Set(
    view.reports
      .filter((s) => !shownReports.has(s.report.id))
      .flatMap((s) => [
        s.report.id,
        ...(shownDocuments.has(s.report.documentId) ? [] : [s.report.documentId]),
      ]),
  );
  const shown: IncidentView = {
    ...view,
    incident: shownIncident(
      { ...view.incident, reportIds: view.incident.reportIds.filter((r) => shownReports.has(r)) },
      principal,
      agreement,
    ),
    reports: sides.map((s) => ({ ...s, report: redactReport(s.report, principal) })),
    comparison: compareReports(sides.map((s) => s.report)),
    audit: view.audit.filter((e) => !hidden.has(e.subjectId)),
  };
  return withholdViewNames(shown, partyNamingFor(principal, agreement, view.incident));
}
